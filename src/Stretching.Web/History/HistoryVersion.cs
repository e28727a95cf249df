using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data;

namespace Stretching.Web.History;

/// <summary>
/// Where a person's history stands: how many sessions are kept and the sum of their fingerprints, and how
/// many exercises were brought back and when last. Records are only ever added or deleted, never changed,
/// so any change to what the advice and reports read changes this value. Read from indexes (never the
/// records themselves), so it costs the same for a week of history as for two years.
/// </summary>
public readonly record struct HistoryVersion(int Records, long FingerprintSum, int Returns, DateTime LastReturn)
{
    /// <summary>
    /// The version, and the person's level, which the advice depends on too: one round trip, since every
    /// signed-in page asks for both. The level is null without a profile.
    /// </summary>
    public static async Task<(HistoryVersion Version, string? Level)> ReadAsync(StretchingDbContext db, string owner, CancellationToken cancellationToken = default)
    {
        var state = await db.Users.Where(u => u.Id == owner).Select(u => new
        {
            Level = db.Profiles.Where(p => p.UserId == owner).Select(p => p.Level).FirstOrDefault(),
            Records = db.SessionRecords.Count(r => r.UserId == owner),
            FingerprintSum = db.SessionRecords.Where(r => r.UserId == owner).Sum(r => (long?)r.Fingerprint) ?? 0,
            Returns = db.ExerciseReturns.Count(r => r.UserId == owner),
            LastReturn = db.ExerciseReturns.Where(r => r.UserId == owner).Max(r => (DateTime?)r.At),
        }).SingleOrDefaultAsync(cancellationToken);
        return state is null
            ? (default, null)
            : (new HistoryVersion(state.Records, state.FingerprintSum, state.Returns, state.LastReturn ?? DateTime.MinValue), state.Level);
    }
}
