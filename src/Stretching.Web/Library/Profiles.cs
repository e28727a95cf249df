using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Web.Catalog;
using Stretching.Web.Data;

namespace Stretching.Web.Library;

/// <summary>A person's builder defaults, as the API and pages show them.</summary>
public sealed record ProfileView(string Level, IReadOnlyList<string> Equipment, IReadOnlyList<string> Conditions, string? TimeZone, bool HealthConsent, bool PreferFavourites = false);

/// <summary>A profile as sent to be saved, ids as text so each unknown one is reported by field.</summary>
public sealed record ProfileInput(
    string? Level = null, string[]? Equipment = null, string[]? Conditions = null, string? TimeZone = null, bool? HealthConsent = null, bool? PreferFavourites = null);

/// <summary>
/// Profiles and favourites, each scoped to its owner. Health conditions are stored only with the
/// person's consent; withdrawing it deletes them.
/// </summary>
public sealed class Profiles(StretchingDbContext db, SignedInQueries queries, CatalogStore catalog, TimeProvider clock)
{
    public static readonly ProfileView Default = new(Vocabulary.Id(Core.Catalog.Level.Beginner), [Vocabulary.Id(Core.Catalog.Equipment.Mat)], [], null, false);

    public async Task<ProfileView> GetAsync(string owner, CancellationToken cancellationToken = default)
    {
        var row = await queries.Profile(db, owner, cancellationToken);
        return row is null ? Default : new ProfileView(row.Level, Ids(row.Equipment), Ids(row.Conditions), row.TimeZone, row.HealthConsentAt is not null, row.PreferFavourites);
    }

    /// <summary>The owner's conditions for the safety screen: only what they consented to keep.</summary>
    public async Task<IReadOnlySet<Condition>> ConditionsAsync(string owner, CancellationToken cancellationToken = default) =>
        VocabularyIds.Parse<Condition>("conditions", (await GetAsync(owner, cancellationToken)).Conditions, new Dictionary<string, string[]>());

    public async Task<(ProfileView? Profile, IReadOnlyDictionary<string, string[]> Problems)> SaveAsync(string owner, ProfileInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var level = Core.Catalog.Level.Beginner;
        if (string.IsNullOrWhiteSpace(input.Level)) errors["level"] = ["Choose a level: beginner, intermediate or advanced."];
        else if (!Vocabulary.TryParse(input.Level.Trim(), out level)) errors["level"] = [$"Unknown level '{VocabularyIds.Clip(input.Level)}'. Known values: beginner, intermediate, advanced."];
        var equipment = VocabularyIds.Parse<Core.Catalog.Equipment>("equipment", input.Equipment, errors);
        var conditions = VocabularyIds.Parse<Condition>("conditions", input.Conditions, errors);
        var consent = input.HealthConsent ?? false;
        if (conditions.Count > 0 && !consent)
        {
            errors["healthConsent"] = ["Health conditions are kept only with your consent: tick the consent line, or leave the conditions empty."];
        }
        var timeZone = string.IsNullOrWhiteSpace(input.TimeZone) ? null : input.TimeZone.Trim();
        if (timeZone is not null && !Planning.TimeZones.IsKnown(timeZone))
        {
            errors["timeZone"] = [$"Unknown time zone '{VocabularyIds.Clip(timeZone)}'. Use an IANA name such as Europe/Berlin."];
        }
        if (errors.Count > 0) return (null, errors);

        var row = await db.Profiles.SingleOrDefaultAsync(p => p.UserId == owner, cancellationToken);
        if (row is null)
        {
            row = new UserProfile { UserId = owner, Level = "", Equipment = "[]" };
            db.Profiles.Add(row);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        row.Level = Vocabulary.Id(level);
        row.Equipment = Json(equipment.Select(Vocabulary.Id));
        row.Conditions = consent ? Json(conditions.Select(Vocabulary.Id)) : null;
        row.HealthConsentAt = consent ? row.HealthConsentAt ?? now : null;
        row.TimeZone = timeZone;
        row.PreferFavourites = input.PreferFavourites ?? false;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (!consent) await ForgetConditionsElsewhereAsync(owner, cancellationToken);
        return (await GetAsync(owner, cancellationToken), errors);
    }

    /// <summary>Deletes the stored health conditions and the consent, keeping the rest of the profile.</summary>
    public async Task ForgetHealthDataAsync(string owner, CancellationToken cancellationToken = default)
    {
        await db.Profiles.Where(p => p.UserId == owner)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Conditions, (string?)null).SetProperty(x => x.HealthConsentAt, (DateTime?)null), cancellationToken);
        await ForgetConditionsElsewhereAsync(owner, cancellationToken);
    }

    /// <summary>
    /// Conditions also travel inside what a person keeps: a plan's "new session each week" slots and
    /// the builder requests saved sessions were made from. Without consent they go from there too.
    /// </summary>
    private async Task ForgetConditionsElsewhereAsync(string owner, CancellationToken cancellationToken)
    {
        foreach (var slot in await db.PlanSlots.Where(s => s.UserId == owner).ToListAsync(cancellationToken))
        {
            var play = JsonSerializer.Deserialize<Planning.PlayShape>(slot.Play, CatalogJson.Options)!;
            if (play.Preset is not { Conditions.Length: > 0 } preset) continue;
            slot.Play = JsonSerializer.Serialize(play with { Preset = preset with { Conditions = [] } }, CatalogJson.Options);
            slot.Sequence++;
        }
        foreach (var saved in await db.SavedSessions.Where(s => s.UserId == owner).ToListAsync(cancellationToken))
        {
            var source = JsonSerializer.Deserialize<SessionSource>(saved.Source, CatalogJson.Options)!;
            if (source.Request is not { Conditions.Length: > 0 } request) continue;
            saved.Source = JsonSerializer.Serialize(source with { Request = request with { Conditions = [] } }, CatalogJson.Options);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Favourite>> FavouritesAsync(string owner, CancellationToken cancellationToken = default) =>
        await db.Favourites.AsNoTracking().Where(f => f.UserId == owner).OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken);

    public Task<Favourite?> FavouriteAsync(string owner, string slug, CancellationToken cancellationToken = default) =>
        db.Favourites.AsNoTracking().SingleOrDefaultAsync(f => f.UserId == owner && f.Slug == slug, cancellationToken);

    /// <summary>Marks an exercise as a favourite; null when no such exercise exists. Created is false when it already was one.</summary>
    public async Task<(Favourite? Favourite, bool Created)> AddFavouriteAsync(string owner, string slug, CancellationToken cancellationToken = default)
    {
        if (catalog.Current.Exercise(slug) is null) return (null, false);
        if (await FavouriteAsync(owner, slug, cancellationToken) is { } existing) return (existing, false);
        var favourite = new Favourite { UserId = owner, Slug = slug, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Favourites.Add(favourite);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Added by a request that ran at the same moment: it is a favourite either way.
            return (await FavouriteAsync(owner, slug, cancellationToken), false);
        }
        return (favourite, true);
    }

    public async Task<bool> RemoveFavouriteAsync(string owner, string slug, CancellationToken cancellationToken = default) =>
        await db.Favourites.Where(f => f.UserId == owner && f.Slug == slug).ExecuteDeleteAsync(cancellationToken) > 0;

    private static string Json(IEnumerable<string> ids) => JsonSerializer.Serialize(ids.ToList());

    private static IReadOnlyList<string> Ids(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
