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
public sealed class Progress(StretchingDbContext db, Profiles profiles, CatalogStore catalog, RecordCache parsedRecords, TimeProvider clock)
{
    public async Task<ProgressionAdvice> AdviceAsync(string owner, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (recent, olderMarks) = await HistoryStore.ForAdviceAsync(db, parsedRecords, owner, now - Progression.LookBack, cancellationToken);
        var level = Vocabulary.TryParse<Level>((await profiles.GetAsync(owner, cancellationToken)).Level, out var parsed) ? parsed : Level.Beginner;
        var returns = await db.ExerciseReturns.AsNoTracking().Where(r => r.UserId == owner)
            .ToDictionaryAsync(r => r.Slug, r => new DateTimeOffset(r.At, TimeSpan.Zero), cancellationToken);
        var snapshot = catalog.Current;
        return Progression.Advise(recent, olderMarks, snapshot.Exercise, level, returns, now);
    }

    /// <summary>What the person's history adds to their built sessions; none for someone without history.</summary>
    public async Task<Func<SessionRequest, SessionRequest>?> PersonaliseAsync(string owner, CancellationToken cancellationToken = default)
    {
        var advice = await AdviceAsync(owner, cancellationToken);
        return advice.Adjustments.Count == 0 && advice.Excluded.Count == 0 ? null : advice.ApplyTo;
    }

    /// <summary>Brings back an exercise the person marked as hurting: it may appear in built sessions again until it is marked again.</summary>
    public async Task BringBackAsync(string owner, string slug, CancellationToken cancellationToken = default)
    {
        var row = await db.ExerciseReturns.SingleOrDefaultAsync(r => r.UserId == owner && r.Slug == slug, cancellationToken);
        if (row is null) db.ExerciseReturns.Add(new ExerciseReturn { UserId = owner, Slug = slug, At = clock.GetUtcNow().UtcDateTime });
        else row.At = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
