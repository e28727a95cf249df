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
    public static async Task<(HistoryVersion Version, string? Level)> ReadAsync(StretchingDbContext db, SignedInQueries queries, string owner,
        CancellationToken cancellationToken = default)
    {
        var state = await queries.History(db, owner, cancellationToken);
        return state is null
            ? (default, null)
            : (new HistoryVersion(state.Records, state.FingerprintSum, state.Returns, state.LastReturn ?? DateTime.MinValue), state.Level);
    }
}
