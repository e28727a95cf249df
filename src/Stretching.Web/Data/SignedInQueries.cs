using Microsoft.EntityFrameworkCore;

namespace Stretching.Web.Data;

/// <summary>
/// The queries that nearly every signed-in page runs (the plan, its exceptions, where the history stands,
/// the profile, the saved sessions), compiled once so that EF Core does not rebuild and look up their
/// expressions on every request.
/// </summary>
/// <remarks>
/// A singleton of the app rather than static fields: a compiled query keeps the provider of the first
/// context it runs with, and one process may host apps on different providers (the tests do).
/// </remarks>
public sealed class SignedInQueries
{
    public sealed record SettingsAndSlots(PlanSettings Settings, List<PlanSlotRow> Slots, int Exceptions);

    public sealed record HistoryState(string? Level, int Records, long FingerprintSum, int Returns, DateTime? LastReturn);

    /// <summary>
    /// A plan's settings, its week's slots and how many exceptions it has, in one round trip (a handful of
    /// joined rows): most plans have no exception, and then <see cref="PlanExceptions"/> need not be asked.
    /// </summary>
    public Func<StretchingDbContext, string, CancellationToken, Task<SettingsAndSlots?>> PlanSettingsAndSlots { get; } = EF.CompileAsyncQuery(
        (StretchingDbContext db, string owner, CancellationToken _) => db.Plans.AsNoTracking().Where(p => p.UserId == owner)
            .Select(p => new SettingsAndSlots(p, db.PlanSlots.Where(s => s.UserId == p.UserId).ToList(), db.PlanExceptions.Count(e => e.UserId == p.UserId)))
            .SingleOrDefault());

    /// <summary>A plan's exceptions, which grow with the weeks, in their own query rather than multiplied by the slots.</summary>
    public Func<StretchingDbContext, string, IAsyncEnumerable<PlanExceptionRow>> PlanExceptions { get; } = EF.CompileAsyncQuery(
        (StretchingDbContext db, string owner) => db.PlanExceptions.AsNoTracking().Where(e => e.UserId == owner));

    /// <summary>The person's level and the counts behind <see cref="History.HistoryVersion"/>, read from indexes in one round trip.</summary>
    public Func<StretchingDbContext, string, CancellationToken, Task<HistoryState?>> History { get; } = EF.CompileAsyncQuery(
        (StretchingDbContext db, string owner, CancellationToken _) => db.Users.Where(u => u.Id == owner).Select(u => new HistoryState(
            db.Profiles.Where(p => p.UserId == owner).Select(p => p.Level).FirstOrDefault(),
            db.SessionRecords.Count(r => r.UserId == owner),
            db.SessionRecords.Where(r => r.UserId == owner).Sum(r => (long?)r.Fingerprint) ?? 0,
            db.ExerciseReturns.Count(r => r.UserId == owner),
            db.ExerciseReturns.Where(r => r.UserId == owner).Max(r => (DateTime?)r.At))).SingleOrDefault());

    /// <summary>The person's profile, or null before they first save one.</summary>
    public Func<StretchingDbContext, string, CancellationToken, Task<UserProfile?>> Profile { get; } = EF.CompileAsyncQuery(
        (StretchingDbContext db, string owner, CancellationToken _) => db.Profiles.AsNoTracking().SingleOrDefault(p => p.UserId == owner));

    /// <summary>The person's saved sessions, the latest changed first.</summary>
    public Func<StretchingDbContext, string, IAsyncEnumerable<SavedSession>> SavedSessions { get; } = EF.CompileAsyncQuery<StretchingDbContext, string, SavedSession>(
        (StretchingDbContext db, string owner) => db.SavedSessions.AsNoTracking().Where(s => s.UserId == owner).OrderByDescending(s => s.UpdatedAt));
}
