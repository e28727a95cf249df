using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stretching.Core.Catalog;
using Stretching.Core.Planning;
using Stretching.Core.Sessions;
using Stretching.Web.Catalog;
using Stretching.Web.Data;
using Stretching.Web.Library;

namespace Stretching.Web.Planning;

/// <summary>A person's stored plan: the Core plan, and when it last changed (for the calendar's DTSTAMP and ETag).</summary>
/// <remarks><see cref="FeedGeneration"/> is the calendar feed's generation while the feed is on, null while it is off.</remarks>
public sealed record StoredPlan(WeeklyPlan Plan, bool Exists, DateTime UpdatedAt, IReadOnlyDictionary<string, int> Sequences, DateTime? CreatedAt = null,
    int? FeedGeneration = null)
{
    /// <summary>
    /// The day the plan was made, in its zone. The plan counts from it: the days before were neither kept
    /// nor missed, in the history as on Today. Null for a plan never saved.
    /// </summary>
    public DateOnly? FirstDay => CreatedAt is { } created ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(created, Zones.Find(Plan.TimeZone))) : null;
}

/// <summary>
/// Weekly plans, each scoped to its owner: read, replaced as a whole (the API's PUT and every page
/// form), and changed one occurrence at a time (skip, move, restore).
/// </summary>
public sealed partial class PlanStore(StretchingDbContext db, SignedInQueries queries, CatalogStore catalog, Profiles profiles, TimeProvider clock)
{
    public const int MaxSlots = 28;
    public const int MaxAlarmMinutes = 24 * 60;

    public async Task<StoredPlan> LoadAsync(string owner, CancellationToken cancellationToken = default)
    {
        var stored = await queries.PlanSettingsAndSlots(db, owner, cancellationToken);
        var settings = stored?.Settings;
        var slots = stored?.Slots ?? [];
        var exceptions = stored is { Exceptions: > 0 } ? await queries.PlanExceptions(db, owner).ToListAsync(cancellationToken) : [];
        var timeZone = settings?.TimeZone ?? (await profiles.GetAsync(owner, cancellationToken)).TimeZone ?? "UTC";
        var plan = new WeeklyPlan
        {
            Goal = settings is not null && Vocabulary.TryParse<PlanGoal>(settings.Goal, out var goal) ? goal : PlanGoal.BackHealth,
            TimeZone = timeZone,
            TrainingDays = settings is null ? new HashSet<DayOfWeek>() : Days(JsonSerializer.Deserialize<List<string>>(settings.TrainingDays) ?? []),
            Slots = slots.OrderBy(s => PlanRules.WeekdayIndex((DayOfWeek)s.Day)).ThenBy(s => s.Time, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => new PlanSlot(s.Id, (DayOfWeek)s.Day, TimeOnly.ParseExact(s.Time, "HH:mm", CultureInfo.InvariantCulture), PlayOf(s.Play)))
                .ToList(),
            Exceptions = exceptions.Where(e => e.Skipped || e.MovedToDate is not null)
                .Select(e => new SlotException(e.SlotId, e.Date, e.Skipped, e.MovedToDate,
                    e.MovedToTime is null ? null : TimeOnly.ParseExact(e.MovedToTime, "HH:mm", CultureInfo.InvariantCulture)))
                .ToList(),
            AlarmMinutes = settings?.AlarmMinutes,
        };
        var updated = new[] { settings?.UpdatedAt ?? DateTime.MinValue }
            .Concat(slots.Select(s => s.UpdatedAt)).Concat(exceptions.Select(e => e.UpdatedAt)).Max();
        // A calendar event's SEQUENCE: its slot's changes plus those of its own date's exception.
        var sequences = slots.ToDictionary(s => s.Id, s => s.Sequence);
        foreach (var exception in exceptions) sequences[PlanCalendar.OccurrenceId(exception.SlotId, exception.Date)] = exception.Sequence;
        return new StoredPlan(plan, settings is not null, DateTime.SpecifyKind(updated, DateTimeKind.Utc), sequences, settings?.CreatedAt,
            settings?.CalendarTokenHash is null ? null : settings.CalendarGeneration);
    }

    /// <summary>Replaces the plan with what was sent, or says what is wrong with it by field; nothing is written then.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> SaveAsync(string owner, PlanShape shape, CancellationToken cancellationToken = default)
    {
        var savedIds = await db.SavedSessions.Where(s => s.UserId == owner).Select(s => s.Id).ToListAsync(cancellationToken);
        var (plan, problems) = Read(shape, savedIds.ToHashSet());
        if (plan is null) return problems;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settings = await db.Plans.SingleOrDefaultAsync(p => p.UserId == owner, cancellationToken);
        if (settings is null)
        {
            settings = new PlanSettings { UserId = owner, Goal = "", TimeZone = "", TrainingDays = "[]", CreatedAt = now };
            db.Plans.Add(settings);
        }
        settings.Goal = Vocabulary.Id(plan.Goal);
        settings.TimeZone = plan.TimeZone;
        settings.TrainingDays = JsonSerializer.Serialize(plan.TrainingDays.OrderBy(PlanRules.WeekdayIndex).Select(Weekdays.Id));
        settings.AlarmMinutes = plan.AlarmMinutes;
        settings.UpdatedAt = now;

        var existing = await db.PlanSlots.Where(s => s.UserId == owner).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var slot in plan.Slots)
        {
            var play = JsonSerializer.Serialize(ShapeOf(slot.Play), CatalogJson.Options);
            var time = slot.Time.ToString("HH:mm", CultureInfo.InvariantCulture);
            if (existing.Remove(slot.Id, out var row))
            {
                if (row.Day == (int)slot.Day && row.Time == time && row.Play == play) continue;
                (row.Day, row.Time, row.Play, row.UpdatedAt) = ((int)slot.Day, time, play, now);
                row.Sequence++;
            }
            else
            {
                db.PlanSlots.Add(new PlanSlotRow { Id = slot.Id, UserId = owner, Day = (int)slot.Day, Time = time, Play = play, UpdatedAt = now });
            }
        }
        db.PlanSlots.RemoveRange(existing.Values);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return problems;
    }

    /// <summary>Skips one occurrence, moves it, or restores it as planned; false when the slot is not the owner's.</summary>
    public async Task<bool> ChangeOccurrenceAsync(string owner, string slotId, DateOnly date, bool skipped, DateOnly? movedToDate = null, TimeOnly? movedToTime = null,
        CancellationToken cancellationToken = default)
    {
        if (!await db.PlanSlots.AnyAsync(s => s.UserId == owner && s.Id == slotId, cancellationToken)) return false;
        var row = await db.PlanExceptions.SingleOrDefaultAsync(e => e.UserId == owner && e.SlotId == slotId && e.Date == date, cancellationToken);
        if (row is null)
        {
            // Sequence 1: the occurrence's first change already raises its calendar event's SEQUENCE.
            row = new PlanExceptionRow { SlotId = slotId, Date = date, UserId = owner, Sequence = 1 };
            db.PlanExceptions.Add(row);
        }
        else
        {
            row.Sequence++;
        }
        row.Skipped = skipped;
        row.MovedToDate = skipped ? null : movedToDate;
        row.MovedToTime = skipped || movedToDate is null ? null : movedToTime?.ToString("HH:mm", CultureInfo.InvariantCulture);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The API's shape of a plan, with its warnings; the calendar address is added by the caller.</summary>
    public async Task<PlanShape> ShapeAsync(string owner, WeeklyPlan plan, CancellationToken cancellationToken = default) => new()
    {
        Goal = Vocabulary.Id(plan.Goal),
        TimeZone = plan.TimeZone,
        TrainingDays = plan.TrainingDays.OrderBy(PlanRules.WeekdayIndex).Select(Weekdays.Id).ToList(),
        Slots = plan.Slots.Select(s => new SlotShape { Id = s.Id, Day = Weekdays.Id(s.Day), Time = s.Time.ToString("HH:mm", CultureInfo.InvariantCulture), Play = ShapeOf(s.Play) }).ToList(),
        AlarmMinutes = plan.AlarmMinutes,
        Warnings = (await WarningsAsync(owner, plan, cancellationToken)).Select(w => w.Text).ToList(),
    };

    public async Task<IReadOnlyList<PlanWarning>> WarningsAsync(string owner, WeeklyPlan plan, CancellationToken cancellationToken = default) =>
        Warnings(plan, await db.SavedSessions.AsNoTracking().Where(s => s.UserId == owner).ToDictionaryAsync(s => s.Id, s => s.Session().TotalSeconds, cancellationToken));

    /// <summary>The plan's warnings, for a page that has read the owner's saved sessions already (their lengths in seconds, by id).</summary>
    public IReadOnlyList<PlanWarning> Warnings(WeeklyPlan plan, IReadOnlyDictionary<string, int> lengths)
    {
        // Minutes as every page shows them: rounded, so "30 min" on the week is never "29 minutes" in a warning.
        static int Minutes(int seconds) => (int)Math.Round(seconds / 60.0);
        var snapshot = catalog.Current;
        return PlanRules.Warnings(plan, play => play switch
        {
            SlotPlay.Routine routine => snapshot.Routine(routine.Slug) is { } playable ? Minutes(playable.Session.TotalSeconds) : null,
            SlotPlay.Saved saved => lengths.TryGetValue(saved.SessionId, out var seconds) ? Minutes(seconds) : null,
            SlotPlay.Preset preset => preset.Request.Minutes,
            _ => null,
        }, slug => snapshot.Routine(slug)?.Routine);
    }

    /// <summary>
    /// Reads a plan as sent; a saved session that is not the owner's, and every other mistake, is a
    /// problem by field. Slot ids are the owner's own, so a sent id is kept when it is well formed.
    /// </summary>
    public (WeeklyPlan? Plan, IReadOnlyDictionary<string, string[]> Problems) Read(PlanShape shape, IReadOnlySet<string> savedSessionIds)
    {
        var problems = new Dictionary<string, string[]>();
        var goal = PlanGoal.BackHealth;
        if (shape.Goal is not null && !Vocabulary.TryParse(shape.Goal.Trim(), out goal))
        {
            problems["goal"] = [$"Unknown goal '{VocabularyIds.Clip(shape.Goal)}'. Known goals: {string.Join(", ", Vocabulary.All<PlanGoal>().Select(Vocabulary.Id))}."];
        }
        var timeZone = shape.TimeZone?.Trim();
        if (string.IsNullOrEmpty(timeZone)) problems["timeZone"] = ["Give the plan's time zone, an IANA name such as Europe/Berlin."];
        else if (!TimeZones.IsKnown(timeZone)) problems["timeZone"] = [$"Unknown time zone '{VocabularyIds.Clip(timeZone)}'. Use an IANA name such as Europe/Berlin."];

        var trainingDays = new HashSet<DayOfWeek>();
        foreach (var day in shape.TrainingDays ?? [])
        {
            if (Weekdays.TryParse(day, out var parsed)) trainingDays.Add(parsed);
            else problems["trainingDays"] = [$"Unknown weekday '{VocabularyIds.Clip(day)}'. Use monday to sunday."];
        }
        if (shape.AlarmMinutes is < 0 or > MaxAlarmMinutes) problems["alarmMinutes"] = [$"A reminder comes 0 to {MaxAlarmMinutes} minutes before, or not at all (null)."];

        var slotShapes = shape.Slots ?? [];
        if (slotShapes.Count > MaxSlots) problems["slots"] = [$"A plan has at most {MaxSlots} slots a week."];
        var slots = new List<PlanSlot>();
        var ids = new HashSet<string>();
        for (var i = 0; i < Math.Min(slotShapes.Count, MaxSlots); i++)
        {
            var field = $"slots[{i}]";
            var slot = slotShapes[i];
            if (slot is null)
            {
                problems[field] = ["Each slot needs a day, a time and what to play."];
                continue;
            }
            if (!Weekdays.TryParse(slot.Day, out var day)) problems[$"{field}.day"] = [$"Unknown weekday '{VocabularyIds.Clip(slot.Day ?? "")}'. Use monday to sunday."];
            if (!TryParseTime(slot.Time, out var time)) problems[$"{field}.time"] = [$"'{VocabularyIds.Clip(slot.Time ?? "")}' is not a time of day; use 24-hour HH:mm, 00:00 to 23:59."];
            var play = ReadPlay(slot.Play, $"{field}.play", savedSessionIds, problems);
            // A slot keeps its id (and so its calendar events) when it is sent back; a new or malformed one gets a fresh id.
            var id = slot.Id is { } sent && SlotId().IsMatch(sent) && !ids.Contains(sent) ? sent : RandomIds.New();
            ids.Add(id);
            if (play is not null) slots.Add(new PlanSlot(id, day, time, play));
        }
        if (problems.Count > 0) return (null, problems);
        return (new WeeklyPlan { Goal = goal, TimeZone = timeZone!, TrainingDays = trainingDays, Slots = slots, AlarmMinutes = shape.AlarmMinutes }, problems);
    }

    private SlotPlay? ReadPlay(PlayShape? play, string field, IReadOnlySet<string> savedSessionIds, Dictionary<string, string[]> problems)
    {
        var given = new object?[] { play?.Routine, play?.Session, play?.Preset }.Count(v => v is not null);
        if (play is null || given != 1)
        {
            problems[field] = ["Say what the slot plays: exactly one of routine (a routine's slug), session (one of your saved sessions) or preset (a builder request)."];
            return null;
        }
        if (play.Routine is { } slug)
        {
            if (catalog.Current.Routine(slug) is not null) return new SlotPlay.Routine(slug);
            problems[$"{field}.routine"] = [$"No routine has the slug '{VocabularyIds.Clip(slug)}'."];
            return null;
        }
        if (play.Session is { } sessionId)
        {
            if (savedSessionIds.Contains(sessionId)) return new SlotPlay.Saved(sessionId);
            problems[$"{field}.session"] = [$"'{VocabularyIds.Clip(sessionId)}' is not one of your saved sessions."];
            return null;
        }
        var preset = play.Preset! with { Seed = null };
        if (preset.ToRequest(s => catalog.Current.Exercise(s) is not null, out var presetProblems) is null)
        {
            foreach (var (name, messages) in presetProblems) problems[$"{field}.preset.{name}"] = messages;
            return null;
        }
        return new SlotPlay.Preset(preset);
    }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static PlayShape ShapeOf(SlotPlay play) => play switch
    {
        SlotPlay.Routine routine => new PlayShape { Routine = routine.Slug },
        SlotPlay.Saved saved => new PlayShape { Session = saved.SessionId },
        SlotPlay.Preset preset => new PlayShape { Preset = preset.Request },
        _ => throw new ArgumentOutOfRangeException(nameof(play)),
    };

    private static SlotPlay PlayOf(string json)
    {
        var shape = JsonSerializer.Deserialize<PlayShape>(json, CatalogJson.Options)!;
        return shape switch
        {
            { Routine: { } slug } => new SlotPlay.Routine(slug),
            { Session: { } id } => new SlotPlay.Saved(id),
            _ => new SlotPlay.Preset(shape.Preset!),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial System.Text.RegularExpressions.Regex SlotId();

    private static HashSet<DayOfWeek> Days(IEnumerable<string> ids) => ids.Select(id => Weekdays.TryParse(id, out var day) ? (DayOfWeek?)day : null).OfType<DayOfWeek>().ToHashSet();
}
