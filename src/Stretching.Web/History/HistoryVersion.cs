using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data;

namespace Stretching.Web.History;

/// <summary>
/// Where a person's history stands: how many sessions are kept and the sum of their fingerprints, and how
/// many exercises were brought back and when last. Records are only ever added or deleted, never changed,
/// so any change to what the advice and reports read changes this value. Read in one query from indexes
/// (never the records themselves), so it costs the same for a week of history as for two years.
/// </summary>
public readonly record struct HistoryVersion(int Records, long FingerprintSum, int Returns, DateTime LastReturn)
{
    public static async Task<HistoryVersion> ReadAsync(StretchingDbContext db, string owner, CancellationToken cancellationToken = default)
    {
        // One pass over the person's entries of the (UserId, Fingerprint) index for both figures.
        var records = await db.SessionRecords.Where(r => r.UserId == owner).GroupBy(r => r.UserId)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(r => (long?)r.Fingerprint) ?? 0 })
            .SingleOrDefaultAsync(cancellationToken);
        var returns = await db.ExerciseReturns.Where(r => r.UserId == owner).GroupBy(r => r.UserId)
            .Select(g => new { Count = g.Count(), Last = g.Max(r => r.At) })
            .SingleOrDefaultAsync(cancellationToken);
        return new HistoryVersion(records?.Count ?? 0, records?.Sum ?? 0, returns?.Count ?? 0, returns?.Last ?? DateTime.MinValue);
    }
}
