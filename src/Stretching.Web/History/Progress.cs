using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Core.History;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;
using Stretching.Web.Data;
using Stretching.Web.Library;

namespace Stretching.Web.History;

/// <summary>
/// A person's history read for their next sessions (D7): the progression advice, and the one way it
/// reaches a built session, a planned one or a saved one made from the builder.
/// </summary>
public sealed class Progress(StretchingDbContext db, SignedInQueries queries, CatalogStore catalog, RecordCache parsedRecords, ProgressCache worked, TimeProvider clock)
{
    public async Task<ProgressionAdvice> AdviceAsync(string owner, CancellationToken cancellationToken = default) =>
        (await CurrentAdviceAsync(owner, cancellationToken)).Advice;

    /// <summary>
    /// The advice as of now, and what it was worked out from: a report that includes the advice keys itself
    /// on that basis, so it is worked out again whenever the advice is.
    /// </summary>
    public async Task<(ProgressionAdvice Advice, AdviceBasis Basis)> CurrentAdviceAsync(string owner, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (version, levelId) = await HistoryVersion.ReadAsync(db, queries, owner, cancellationToken);
        var level = Vocabulary.TryParse<Level>(levelId ?? Profiles.Default.Level, out var parsed) ? parsed : Level.Beginner;
        var basis = new AdviceBasis(owner, version, level, catalog.Current, now.UtcTicks / TimeSpan.TicksPerMinute);
        // Worked out without the request's cancellation: other requests may be waiting for the same advice.
        return (await worked.GetOrAddAsync(basis, () => WorkOutAsync(basis, now)), basis);
    }

    private async Task<ProgressionAdvice> WorkOutAsync(AdviceBasis basis, DateTimeOffset now)
    {
        var (recent, olderMarks) = await HistoryStore.ForAdviceAsync(db, parsedRecords, basis.Owner, now - Progression.LookBack, CancellationToken.None);
        var returns = await db.ExerciseReturns.AsNoTracking().Where(r => r.UserId == basis.Owner)
            .ToDictionaryAsync(r => r.Slug, r => new DateTimeOffset(r.At, TimeSpan.Zero), CancellationToken.None);
        return Progression.Advise(recent, olderMarks, basis.Catalog.Exercise, basis.Level, returns, now);
    }

    /// <summary>What the person's history adds to their built sessions; none for someone without history.</summary>
    public async Task<Func<SessionRequest, SessionRequest>?> PersonaliseAsync(string owner, CancellationToken cancellationToken = default) =>
        Personalisation(await AdviceAsync(owner, cancellationToken));

    /// <summary>What <paramref name="advice"/> changes in a built session; null when it changes nothing.</summary>
    public static Func<SessionRequest, SessionRequest>? Personalisation(ProgressionAdvice advice) =>
        advice.Adjustments.Count == 0 && advice.Excluded.Count == 0 ? null : advice.ApplyTo;

    /// <summary>Brings back an exercise the person marked as hurting: it may appear in built sessions again until it is marked again.</summary>
    public async Task BringBackAsync(string owner, string slug, CancellationToken cancellationToken = default)
    {
        var row = await db.ExerciseReturns.SingleOrDefaultAsync(r => r.UserId == owner && r.Slug == slug, cancellationToken);
        if (row is null) db.ExerciseReturns.Add(new ExerciseReturn { UserId = owner, Slug = slug, At = clock.GetUtcNow().UtcDateTime });
        else row.At = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>What a person's advice is worked out from; the key it is kept under (<see cref="ProgressCache"/>).</summary>
public sealed record AdviceBasis(string Owner, HistoryVersion History, Level Level, CatalogSnapshot Catalog, long Minute);
