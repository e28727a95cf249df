using Stretching.Core.History;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.History;

/// <summary>Session records for tests: only what a test is about needs saying.</summary>
internal static class Records
{
    public const string Berlin = "Europe/Berlin";

    /// <summary>A played session of half an hour with nothing in it but the time; a test adds what it is about.</summary>
    public static SessionRecord At(string id, DateTimeOffset startedAt, string zone = Berlin) => new()
    {
        Id = id,
        StartedAt = startedAt,
        FinishedAt = startedAt.AddMinutes(30),
        TimeZone = zone,
        Snapshot = Snapshot(),
    };

    /// <summary>A session that played the exercises at these doses, every item done, each for its full time.</summary>
    public static SessionRecord Played(string id, DateTimeOffset startedAt, params (string Slug, Dose Dose)[] exercises) => At(id, startedAt) with
    {
        Snapshot = Snapshot(exercises),
        Items = exercises.Select(e => new RecordItem(e.Slug, null, ItemStatus.Done, SessionTiming.WorkSeconds(e.Dose))).ToList(),
    };

    public static Session Snapshot(params (string Slug, Dose Dose)[] exercises)
    {
        var items = exercises.Select(e => new SessionItem(
            e.Slug, e.Slug, ItemRole.Exercise, 0, SessionTiming.ItemSeconds(e.Dose), e.Dose.Reps, e.Dose.HoldSeconds, null, null, "In the test.")).ToList();
        return new Session(0, items.Sum(i => i.Seconds), null, [new SessionBlock(BlockKind.Main, items)], [], []);
    }

    /// <summary>A UTC instant from a local wall time in Berlin.</summary>
    public static DateTimeOffset Local(string dateTime, string zone = Berlin)
    {
        var local = DateTime.Parse(dateTime, System.Globalization.CultureInfo.InvariantCulture);
        var offset = TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
