using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Core.Planning;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;
using Stretching.Web.Data;
using Stretching.Web.History;
using Stretching.Web.Library;

namespace Stretching.Web.Planning;

/// <summary>
/// One occurrence of a plan with what it plays: its title and session, or why it cannot be played
/// (a saved session deleted since, a preset the safety screen now refuses).
/// </summary>
public sealed record PlannedSession(Occurrence Occurrence, string Id, string Title, Session? Session, string? Problem)
{
    public int Minutes => Session is null ? 0 : (int)Math.Round(Session.TotalSeconds / 60.0);

    public DateTimeOffset End => Occurrence.Start.AddSeconds(Math.Max(Session?.TotalSeconds ?? 0, 15 * 60));

    /// <summary>Opens the player on exactly this occurrence, for its owner; carries no health data.</summary>
    public string PlayerPath => $"play?occurrence={Id}";
}

/// <summary>Expands a person's plan into playable sessions: by week, around a date, or one occurrence by its id.</summary>
public sealed class PlannedSessions(StretchingDbContext db, CatalogStore catalog, Progress progress, ProgressCache worked)
{
    public async Task<IReadOnlyList<PlannedSession>> BetweenAsync(string owner, WeeklyPlan plan, DateOnly from, DateOnly toExclusive, CancellationToken cancellationToken = default)
    {
        var occurrences = PlanCalendar.Occurrences(plan, from, toExclusive);
        var savedIds = occurrences.Select(o => o.Slot.Play).OfType<SlotPlay.Saved>().Select(s => s.SessionId).Distinct().ToList();
        var saved = savedIds.Count == 0
            ? new Dictionary<string, SavedSession>()
            : await db.SavedSessions.AsNoTracking().Where(s => s.UserId == owner && savedIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var snapshot = catalog.Current;
        if (!occurrences.Any(o => o.Slot.Play is SlotPlay.Preset)) return occurrences.Select(o => Resolve(o, snapshot, saved, null)).ToList();

        // A preset's session is a function of its settings, the week's seed, the catalog and the advice, so it is
        // built once for all the pages that show it (Today, the plan, the player) while the advice stands.
        var (advice, basis) = await progress.CurrentAdviceAsync(owner, cancellationToken);
        var personalise = Progress.Personalisation(advice);
        var built = new Dictionary<Occurrence, SessionResult>();
        foreach (var occurrence in occurrences)
        {
            if (PlanCalendar.PresetInput(occurrence.Slot, occurrence.Date) is not { } input) continue;
            var key = new PresetBasis(personalise is null ? null : basis, snapshot, JsonSerializer.Serialize(input, CatalogJson.Options));
            built[occurrence] = await worked.GetOrAddAsync(key, () => Task.FromResult(snapshot.Builder.Build(input, personalise: personalise)));
        }
        return occurrences.Select(o => Resolve(o, snapshot, saved, built)).ToList();
    }

    /// <summary>The occurrence an id names (slot id and its own date), if the owner's plan has it.</summary>
    public async Task<PlannedSession?> FindAsync(string owner, WeeklyPlan plan, string occurrenceId, CancellationToken cancellationToken = default)
    {
        var cut = occurrenceId.LastIndexOf('-');
        if (cut <= 0 || !DateOnly.TryParseExact(occurrenceId[(cut + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        var slotId = occurrenceId[..cut];
        if (plan.Slots.All(s => s.Id != slotId)) return null;
        // A moved occurrence may sit weeks away from its own date; a wide window still finds it.
        var around = await BetweenAsync(owner, plan, date.AddDays(-62), date.AddDays(63), cancellationToken);
        return around.SingleOrDefault(p => p.Occurrence.Slot.Id == slotId && p.Occurrence.Date == date);
    }

    private static PlannedSession Resolve(Occurrence occurrence, CatalogSnapshot snapshot, IReadOnlyDictionary<string, SavedSession> saved,
        IReadOnlyDictionary<Occurrence, SessionResult>? builtPresets)
    {
        var id = PlanCalendar.OccurrenceId(occurrence.Slot.Id, occurrence.Date);
        switch (occurrence.Slot.Play)
        {
            case SlotPlay.Routine { Slug: var slug }:
                return snapshot.Routine(slug) is { } routine
                    ? new PlannedSession(occurrence, id, routine.Routine.Name, routine.Session, null)
                    : new PlannedSession(occurrence, id, "A routine no longer offered", null, "This routine is no longer in the catalog; choose another for the slot.");
            case SlotPlay.Saved { SessionId: var sessionId }:
                return saved.TryGetValue(sessionId, out var row)
                    ? new PlannedSession(occurrence, id, row.Name, row.Session(), null)
                    : new PlannedSession(occurrence, id, "A deleted session", null, "The saved session this slot plays was deleted; choose another for the slot.");
            case SlotPlay.Preset { Request: var request }:
                var title = PresetTitle(request);
                return builtPresets![occurrence] switch
                {
                    SessionResult.Built built => new PlannedSession(occurrence, id, title, built.Session, null),
                    SessionResult.Refused refused => new PlannedSession(occurrence, id, title, null, refused.Refusal.Title),
                    _ => new PlannedSession(occurrence, id, title, null, "This slot's settings can no longer build a session; edit the slot."),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(occurrence));
        }
    }

    /// <summary>What a preset's session is built from; the key it is kept under (<see cref="ProgressCache"/>). No advice: the same for everyone.</summary>
    private sealed record PresetBasis(AdviceBasis? Advice, CatalogSnapshot Catalog, string Input);

    /// <summary>"30-minute session: lower back, hips" — focus regions only, never conditions (the title travels to calendars).</summary>
    public static string PresetTitle(SessionInput request)
    {
        var focus = (request.Focus ?? []).Select(f => Vocabulary.TryParse<Region>(f, out var region) ? Vocabulary.Label(region).ToLowerInvariant() : null).OfType<string>().ToList();
        var title = $"{request.Minutes}-minute session";
        return focus.Count == 0 ? title : $"{title}: {string.Join(", ", focus)}";
    }
}
