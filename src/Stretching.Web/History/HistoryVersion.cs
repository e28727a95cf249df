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
    public static async Task<HistoryVersion> ReadAsync(StretchingDbContext db, string owner, CancellationToken cancellationToken = default) =>
        await db.Users.Where(u => u.Id == owner)
            .Select(u => new HistoryVersion(
                db.SessionRecords.Count(r => r.UserId == owner),
                db.SessionRecords.Where(r => r.UserId == owner).Sum(r => (long?)r.Fingerprint) ?? 0,
                db.ExerciseReturns.Count(r => r.UserId == owner),
                db.ExerciseReturns.Where(r => r.UserId == owner).Max(r => (DateTime?)r.At) ?? DateTime.MinValue))
            .SingleOrDefaultAsync(cancellationToken);
}
