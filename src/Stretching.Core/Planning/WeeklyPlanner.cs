using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.Planning;

/// <summary>A day of the week the person is free, and the local time from which they can stretch.</summary>
public sealed record FreeTime(DayOfWeek Day, TimeOnly Time);

/// <summary>
/// "Plan my week" as it arrives from a form or a JSON body. The session fields are the builder's
/// (<see cref="SessionInput"/>: string ids, checked the same way), so a page can pass what the
/// builder's form takes; every problem is reported by the field's name. A blank goal is back health,
/// the articles' default (W2).
/// </summary>
public sealed record PlanRequest
{
    public string? Goal { get; init; }
    public string? TimeZone { get; init; }
    public IReadOnlyList<FreeTime>? FreeTimes { get; init; }
    public IReadOnlyCollection<DayOfWeek>? TrainingDays { get; init; }
    public int? Minutes { get; init; }
    public string? Level { get; init; }
    public string[]? Focus { get; init; }
    public string[]? Equipment { get; init; }
    public string[]? Conditions { get; init; }
    public bool? DoctorApproved { get; init; }
}

/// <summary>What asking for a plan gives: the input could not be read, or safety refused it with advice, or here is the week.</summary>
public abstract record PlanResult
{
    private PlanResult()
    {
    }

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Problems) : PlanResult;

    public sealed record Refused(Refusal Refusal) : PlanResult;

    /// <summary>The plan, what its first week works, and every warning about it (W1-W4 and the balance of the week).</summary>
    public sealed record Planned(WeeklyPlan Plan, PlanCoverage Coverage, IReadOnlyList<PlanWarning> Warnings) : PlanResult;
}

/// <summary>
/// Plans a person's week from the days they are free. Each planned day plays a builder preset,
/// never a library routine: a routine has its own length and exercises, so it cannot take the
/// person's minutes, be screened for their health conditions or be steered to balance the week.
/// <see cref="PlanRules.SuitableRoutines"/> offers routines for a day to swap in by hand (W4).
/// </summary>
public sealed class WeeklyPlanner(CatalogSnapshot catalog)
{
    /// <summary>
    /// How many weeks from the first one the balance is checked for. Each week draws other exercises
    /// (<see cref="PlanCalendar.PresetSeed"/>); what the focus alone did not cover in one of these
    /// weeks is added to a slot by name, so it plays in every week after them too.
    /// </summary>
    public const int CheckedWeeks = 4;

    public static class Codes
    {
        public const string RegionUnavailable = "region-unavailable";
        public const string DirectionUnavailable = "direction-unavailable";
        public const string NotCovered = "not-covered";
    }

    /// <summary>
    /// Plans the week: as many of the free days as the goal's frequency takes (W2; all of them when
    /// there are too few, and the warnings say so), chosen to keep one start time and the evening
    /// (W3) and spread over the week, each day a preset of the person's minutes, level, equipment and
    /// conditions. Each slot focuses on its share of the regions, and an exercise is added by name
    /// where a region or a direction of the spine would otherwise go unworked in the first
    /// <see cref="CheckedWeeks"/> weeks from <paramref name="firstWeek"/> (any date in it). The same
    /// request and week always give the same plan.
    /// </summary>
    public PlanResult Plan(PlanRequest request, DateOnly firstWeek)
    {
        var problems = new Dictionary<string, string[]>();
        var goal = ParseGoal(request.Goal, problems);
        var timeZone = ParseTimeZone(request.TimeZone, problems);
        var freeTimes = ParseFreeTimes(request.FreeTimes, problems);
        var trainingDays = ParseTrainingDays(request.TrainingDays, problems);
        var session = new SessionInput
        {
            Minutes = request.Minutes,
            Level = request.Level,
            Focus = request.Focus,
            Equipment = request.Equipment,
            Conditions = request.Conditions,
            DoctorApproved = request.DoctorApproved,
        }.ToRequest(catalog.Builder.Contains, out var sessionProblems);
        foreach (var (field, messages) in sessionProblems) problems[field] = messages;
        if (problems.Count > 0 || session is null) return new PlanResult.Invalid(problems);
        if (ContraindicationScreen.Refuse(session) is { } refusal) return new PlanResult.Refused(refusal);

        var weekStart = PlanCalendar.WeekStart(firstWeek);
        var week = new Week(catalog, session, ChooseDays(goal, freeTimes), weekStart);
        var notCovered = week.Balance();
        var plan = new WeeklyPlan { Goal = goal, TimeZone = timeZone, TrainingDays = trainingDays, Slots = week.Slots() };

        var coverage = WeekCoverage(plan, weekStart);
        var warnings = PlanRules.Warnings(plan, play => (play as SlotPlay.Preset)?.Request.Minutes)
            .Concat(CoverageWarnings(coverage, notCovered))
            .ToList();
        return new PlanResult.Planned(plan, coverage, warnings);
    }

    /// <summary>
    /// What the week starting <paramref name="weekStart"/> (a Monday) works: its presets built with
    /// that week's seeds and its routines; saved sessions are the web's and not seen here. What is
    /// possible comes from the presets' level, equipment and health conditions.
    /// </summary>
    public PlanCoverage WeekCoverage(WeeklyPlan plan, DateOnly weekStart)
    {
        var sessions = new List<Session>();
        var possible = new List<Exercise>();
        foreach (var slot in plan.Slots)
        {
            if (PlanCalendar.PresetInput(slot, weekStart) is { } input)
            {
                if (catalog.Builder.Build(input) is SessionResult.Built built) sessions.Add(built.Session);
                if (input.ToRequest(catalog.Builder.Contains, out _) is { } request) possible.AddRange(catalog.Builder.MainCandidates(request));
            }
            else if (slot.Play is SlotPlay.Routine { Slug: var slug } && catalog.Routine(slug) is { } routine)
            {
                sessions.Add(routine.Session);
            }
        }
        var worked = sessions.SelectMany(s => PlanCoverage.MainExercises(s, catalog.Exercise)).ToList();
        return new PlanCoverage(
            Regions(worked),
            Directions(worked),
            Regions(possible.Concat(worked)),
            Directions(possible.Concat(worked)));

        static HashSet<Region> Regions(IEnumerable<Exercise> exercises) => exercises.SelectMany(e => e.Regions).ToHashSet();
        static HashSet<LoadPattern> Directions(IEnumerable<Exercise> exercises) =>
            exercises.SelectMany(e => e.Patterns).Where(PlanCoverage.AllDirections.Contains).ToHashSet();
    }

    /// <summary>
    /// W2 and W3 choose the days: as many as the goal takes at most, then the fewest different start
    /// times, then the most evening starts, then the widest gaps between sessions. Ties go to the
    /// first choice in a fixed order, so the same free days always give the same week.
    /// </summary>
    private static IReadOnlyList<FreeTime> ChooseDays(PlanGoal goal, IReadOnlyList<FreeTime> freeTimes)
    {
        var free = freeTimes.OrderBy(f => PlanRules.WeekdayIndex(f.Day)).ToList();
        var count = Math.Min(free.Count, PlanRules.Frequency(goal).MaxSessions);
        List<FreeTime> best = [];
        (int, int, int) bestScore = default;
        for (var mask = 0; mask < 1 << free.Count; mask++)
        {
            if (int.PopCount(mask) != count) continue;
            var days = free.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var score = (-days.Select(d => d.Time).Distinct().Count(), days.Count(d => d.Time >= PlanRules.EveningStarts), SmallestGap(days));
            if (best.Count == 0 || score.CompareTo(bestScore) > 0)
            {
                (best, bestScore) = (days, score);
            }
        }
        return best;
    }

    /// <summary>The fewest days from one session to the next, round the week.</summary>
    private static int SmallestGap(IReadOnlyList<FreeTime> days)
    {
        var indices = days.Select(d => PlanRules.WeekdayIndex(d.Day)).ToList();
        return indices.Count < 2 ? 7 : indices.Zip(indices.Skip(1).Append(indices[0] + 7), (a, b) => b - a).Min();
    }

    private static IEnumerable<PlanWarning> CoverageWarnings(PlanCoverage coverage, IReadOnlyList<BalanceTarget> notCovered)
    {
        var regions = Vocabulary.All<Region>().Where(r => !coverage.PossibleRegions.Contains(r)).ToList();
        if (regions.Count > 0)
        {
            yield return new PlanWarning(Codes.RegionUnavailable,
                $"No exercise for the {PlanRules.List(regions.Select(r => Vocabulary.Label(r).ToLowerInvariant()))} suits your level, equipment and health, so the week leaves {(regions.Count == 1 ? "it" : "them")} out.");
        }
        var directions = PlanCoverage.AllDirections.Where(d => !coverage.PossibleDirections.Contains(d)).ToList();
        if (directions.Count > 0)
        {
            yield return new PlanWarning(Codes.DirectionUnavailable,
                $"No exercise for {PlanRules.List(directions.Select(d => Vocabulary.Label(d).ToLowerInvariant()))} suits your level, equipment and health, so the week goes without.");
        }
        if (notCovered.Count > 0)
        {
            yield return new PlanWarning(Codes.NotCovered,
                $"The sessions have no room for {PlanRules.List(notCovered.Select(t => t.Name))} every week. Longer sessions or one more day would make room.");
        }
    }

    private static PlanGoal ParseGoal(string? id, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(id)) return PlanGoal.BackHealth;
        if (Vocabulary.TryParse<PlanGoal>(id.Trim(), out var goal)) return goal;
        problems["goal"] = [$"Unknown goal '{VocabularyIds.Clip(id)}'. Known values: {string.Join(", ", Vocabulary.All<PlanGoal>().Select(Vocabulary.Id))}."];
        return PlanGoal.BackHealth;
    }

    private static string ParseTimeZone(string? id, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems["timeZone"] = ["Choose your time zone, such as Europe/Berlin."];
            return "";
        }
        try
        {
            // Calendars need the IANA name; a Windows name would be found on Windows only.
            if (Zones.Find(id.Trim()) is { HasIanaId: true } zone) return zone.Id;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
        }
        problems["timeZone"] = [$"Unknown time zone '{VocabularyIds.Clip(id)}'. Use a name such as Europe/Berlin or America/New_York."];
        return "";
    }

    private static IReadOnlyList<FreeTime> ParseFreeTimes(IReadOnlyList<FreeTime>? freeTimes, Dictionary<string, string[]> problems)
    {
        var messages = new List<string>();
        if (freeTimes is null || freeTimes.Count == 0)
        {
            messages.Add("Say on which days, and from what time, you are free to stretch.");
        }
        else
        {
            if (freeTimes.Any(f => !Enum.IsDefined(f.Day))) messages.Add("A free day is not a day of the week.");
            messages.AddRange(freeTimes.Where(f => Enum.IsDefined(f.Day)).GroupBy(f => f.Day).Where(g => g.Count() > 1)
                .Select(g => $"Give each day once: {g.Key} is there {g.Count()} times."));
        }
        if (messages.Count == 0) return freeTimes!;
        problems["freeTimes"] = [.. messages];
        return [];
    }

    private static HashSet<DayOfWeek> ParseTrainingDays(IReadOnlyCollection<DayOfWeek>? days, Dictionary<string, string[]> problems)
    {
        if (days?.Any(d => !Enum.IsDefined(d)) == true) problems["trainingDays"] = ["A training day is not a day of the week."];
        return (days ?? []).Where(Enum.IsDefined).ToHashSet();
    }

    /// <summary>A region or a direction the week should work, and which exercises work it.</summary>
    private sealed record BalanceTarget(string Name, Func<Exercise, bool> IsWorkedBy);

    /// <summary>
    /// The week being planned: its days, each slot's focus and the exercises added to it, and the
    /// sessions each slot builds in every checked week, rebuilt only for the slot that changes.
    /// </summary>
    private sealed class Week
    {
        private readonly CatalogSnapshot _catalog;
        private readonly SessionRequest _session;
        private readonly IReadOnlyList<FreeTime> _days;
        private readonly IReadOnlyList<DateOnly> _weeks;
        private readonly IReadOnlyList<Exercise> _candidates;
        private readonly List<HashSet<Region>> _focus;
        private readonly List<List<string>> _includes;
        private readonly List<Session[]> _built;

        public Week(CatalogSnapshot catalog, SessionRequest session, IReadOnlyList<FreeTime> days, DateOnly weekStart)
        {
            _catalog = catalog;
            _session = session;
            _days = days;
            _weeks = Enumerable.Range(0, CheckedWeeks).Select(k => weekStart.AddDays(7 * k)).ToList();
            _candidates = catalog.Builder.MainCandidates(session);
            _focus = ShareRegions();
            _includes = days.Select(_ => new List<string>()).ToList();
            _built = days.Select((_, i) => Build(i, _includes[i])).ToList();
        }

        public IReadOnlyList<PlanSlot> Slots() => _days.Select((_, i) => Slot(i, _includes[i])).ToList();

        /// <summary>
        /// Makes every region and direction the person can do play in each checked week, adding an
        /// exercise by name where the focus alone did not; returns what could not be fitted.
        /// </summary>
        public IReadOnlyList<BalanceTarget> Balance()
        {
            var targets = PlanCoverage.AllDirections
                .Where(d => _candidates.Any(e => e.Patterns.Contains(d)))
                .Select(d => new BalanceTarget(Vocabulary.Label(d).ToLowerInvariant(), e => e.Patterns.Contains(d)))
                .Concat(Vocabulary.All<Region>()
                    .Where(r => _candidates.Any(e => e.Regions.Contains(r)))
                    .Select(r => new BalanceTarget("the " + Vocabulary.Label(r).ToLowerInvariant(), e => e.Regions.Contains(r))))
                .ToList();
            var notCovered = new List<BalanceTarget>();
            foreach (var target in targets)
            {
                // Checked as the loop goes: an exercise added for an earlier target may cover this one too.
                if (IsCoveredEveryWeek(target)) continue;
                var missing = targets.Where(t => !IsCoveredEveryWeek(t)).ToList();
                var options = _candidates.Where(target.IsWorkedBy)
                    .OrderByDescending(e => missing.Count(t => t.IsWorkedBy(e)))
                    .ThenBy(e => e.Slug, StringComparer.Ordinal);
                if (!options.Any(TryAdd)) notCovered.Add(target);
            }
            return notCovered;
        }

        /// <summary>
        /// Adds the exercise to the slot with the fewest added so far, and among those the one whose
        /// focus it matches most, as long as the sessions keep to their length (within the builder's tolerance).
        /// </summary>
        private bool TryAdd(Exercise exercise)
        {
            var order = Enumerable.Range(0, _days.Count)
                .Where(i => !_includes[i].Contains(exercise.Slug))
                .OrderBy(i => _includes[i].Count)
                .ThenByDescending(i => exercise.Regions.Count(_focus[i].Contains))
                .ThenBy(i => i);
            var limit = (int)(_session.Minutes * 60 * (1 + SessionBuilder.Tolerance));
            foreach (var i in order)
            {
                List<string> includes = [.. _includes[i], exercise.Slug];
                var trial = Build(i, includes);
                if (trial.Where((session, k) => session.TotalSeconds > Math.Max(limit, _built[i][k].TotalSeconds)).Any()) continue;
                _includes[i] = includes;
                _built[i] = trial;
                return true;
            }
            return false;
        }

        private bool IsCoveredEveryWeek(BalanceTarget target) =>
            Enumerable.Range(0, _weeks.Count).All(k => _built.Any(sessions => PlanCoverage.MainExercises(sessions[k], _catalog.Exercise).Any(target.IsWorkedBy)));

        private Session[] Build(int slot, IReadOnlyList<string> includes) =>
            _weeks.Select(week => _catalog.Builder.Build(PlanCalendar.PresetInput(Slot(slot, includes), week)!) switch
            {
                SessionResult.Built built => built.Session,
                var other => throw new InvalidOperationException($"A checked, unrefused request did not build: {other}."),
            }).ToArray();

        private PlanSlot Slot(int i, IReadOnlyList<string> includes) => new(
            _days[i].Day.ToString().ToLowerInvariant(),
            _days[i].Day,
            _days[i].Time,
            new SlotPlay.Preset(new SessionInput
            {
                Minutes = _session.Minutes,
                Level = Vocabulary.Id(_session.Level),
                Focus = Ids(_focus[i]),
                Equipment = Ids(_session.Equipment),
                Conditions = Ids(_session.Conditions),
                DoctorApproved = _session.DoctorApproved,
                Include = [.. includes],
            }));

        /// <summary>
        /// The person's own focus on every day, and the other regions they can work dealt out over the
        /// days in turn, so that each day leans towards a different part of the body.
        /// </summary>
        private List<HashSet<Region>> ShareRegions()
        {
            var focus = _days.Select(_ => new HashSet<Region>(_session.Focus)).ToList();
            var others = Vocabulary.All<Region>().Where(r => !_session.Focus.Contains(r) && _candidates.Any(e => e.Regions.Contains(r))).ToList();
            for (var j = 0; others.Count > 0 && j < Math.Max(_days.Count, others.Count); j++)
            {
                focus[j % _days.Count].Add(others[j % others.Count]);
            }
            return focus;
        }

        private static string[] Ids<T>(IEnumerable<T> values) where T : struct, Enum => values.Order().Select(Vocabulary.Id).ToArray();
    }
}
