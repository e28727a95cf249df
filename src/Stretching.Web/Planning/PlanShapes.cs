using System.Text.Json.Serialization;
using Stretching.Core.Catalog;
using Stretching.Core.Planning;
using Stretching.Core.Sessions;

namespace Stretching.Web.Planning;

/// <summary>What a slot plays, as the API writes and reads it: exactly one of the three.</summary>
public sealed record PlayShape
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Routine { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Session { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SessionInput? Preset { get; init; }
}

/// <summary>A weekly slot; <c>id</c> is the server's (sent back to keep a slot's identity and its calendar events).</summary>
public sealed record SlotShape
{
    public string? Id { get; init; }
    public string? Day { get; init; }
    public string? Time { get; init; }
    public PlayShape? Play { get; init; }
}

/// <summary>
/// The plan as GET /api/me/plan answers and PUT takes it. <c>calendarUrl</c> and <c>warnings</c> are
/// the server's: a PUT may send them back and they are ignored.
/// </summary>
public sealed record PlanShape
{
    public string? Goal { get; init; }
    public string? TimeZone { get; init; }
    public IReadOnlyList<string>? TrainingDays { get; init; }
    public IReadOnlyList<SlotShape>? Slots { get; init; }
    public int? AlarmMinutes { get; init; }
    public string? CalendarUrl { get; init; }
    public IReadOnlyList<string>? Warnings { get; init; }
}

/// <summary>
/// One planned session of a week, for GET /api/me/plan/week. <c>localStart</c> is the wall-clock time
/// in the plan's zone (no offset: "2026-03-30T19:30:00"); <c>start</c> and <c>end</c> are instants.
/// </summary>
public sealed record OccurrenceShape(
    string Id,
    string SlotId,
    string Date,
    string LocalStart,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool Moved,
    string Title,
    int Minutes,
    PlayShape Play,
    string PlayerUrl);

/// <summary>The occurrences of one week (Monday to Sunday in the plan's time zone).</summary>
public sealed record WeekShape(string Start, string TimeZone, IReadOnlyList<OccurrenceShape> Occurrences);

/// <summary>A free day and the time from which the person can stretch, as "plan my week" takes it.</summary>
public sealed record FreeTimeShape(string? Day = null, string? Time = null);

/// <summary>
/// "Plan my week" as POST /api/me/plan/generate and the /plan/generate form take it: the goal, the
/// time zone, free days with times, training days, and the builder's own session fields.
/// </summary>
public sealed record GenerateShape
{
    public string? Goal { get; init; }
    public string? TimeZone { get; init; }
    public IReadOnlyList<FreeTimeShape>? FreeTimes { get; init; }
    public IReadOnlyList<string>? TrainingDays { get; init; }
    public int? Minutes { get; init; }
    public string? Level { get; init; }
    public string[]? Focus { get; init; }
    public string[]? Equipment { get; init; }
    public string[]? Conditions { get; init; }
    public bool? DoctorApproved { get; init; }

    /// <summary>The planner's request; weekdays and times that cannot be read are problems by field.</summary>
    public PlanRequest? ToRequest(out IReadOnlyDictionary<string, string[]> problems)
    {
        var errors = new Dictionary<string, string[]>();
        var freeTimes = new List<FreeTime>();
        for (var i = 0; i < (FreeTimes?.Count ?? 0); i++)
        {
            var free = FreeTimes![i];
            if (!Weekdays.TryParse(free?.Day, out var day)) errors[$"freeTimes[{i}].day"] = [$"Unknown weekday '{VocabularyIds.Clip(free?.Day ?? "")}'. Use monday to sunday."];
            else if (!PlanStore.TryParseTime(free!.Time, out var time)) errors[$"freeTimes[{i}].time"] = [$"'{VocabularyIds.Clip(free.Time ?? "")}' is not a time of day; use 24-hour HH:mm."];
            else freeTimes.Add(new FreeTime(day, time));
        }
        var trainingDays = new List<DayOfWeek>();
        foreach (var id in TrainingDays ?? [])
        {
            if (Weekdays.TryParse(id, out var day)) trainingDays.Add(day);
            else errors["trainingDays"] = [$"Unknown weekday '{VocabularyIds.Clip(id)}'. Use monday to sunday."];
        }
        problems = errors;
        return errors.Count > 0 ? null : new PlanRequest
        {
            Goal = Goal, TimeZone = TimeZone, FreeTimes = freeTimes, TrainingDays = trainingDays, Minutes = Minutes, Level = Level,
            Focus = Focus, Equipment = Equipment, Conditions = Conditions, DoctorApproved = DoctorApproved,
        };
    }
}
