using Stretching.Core.Catalog;

namespace Stretching.Core.Figures;

/// <summary>
/// Checks that every exercise has a figure a person could believe: joint angles within what a body
/// can do, bones of constant length, nothing through the floor, a lying or kneeling start that
/// touches it, and two or more key poses for anything that moves.
/// </summary>
public static class FigureValidator
{
    /// <summary>Limits in degrees, per joint and view; knees and elbows only bend one way.</summary>
    private static readonly IReadOnlyDictionary<string, (double Min, double Max)> SideRanges = new Dictionary<string, (double, double)>
    {
        ["waist"] = (-80, 90), ["neck"] = (-70, 80),
        ["shoulder"] = (-70, 190), ["elbow"] = (0, 160),
        ["hip"] = (-45, 170), ["knee"] = (0, 165), ["ankle"] = (-30, 90),
    };

    private static readonly IReadOnlyDictionary<string, (double Min, double Max)> FrontRanges = new Dictionary<string, (double, double)>
    {
        ["waist"] = (-60, 60), ["neck"] = (-45, 45),
        ["shoulder"] = (-20, 190), ["elbow"] = (0, 160),
        ["hip"] = (-20, 80), ["knee"] = (0, 120), ["ankle"] = (-30, 60),
    };

    /// <summary>How close to the floor (in figure units) the lower edge of a part resting on it must be.</summary>
    public const double Touching = 2.5;

    public static IReadOnlyList<string> Validate(IReadOnlyList<ExerciseFigure> figures, IReadOnlyList<Exercise> exercises)
    {
        var problems = new List<string>();
        var bySlug = figures.GroupBy(f => f.Slug).ToDictionary(g => g.Key, g => g.First());
        foreach (var exercise in exercises.Where(e => !bySlug.ContainsKey(e.Slug)))
        {
            problems.Add($"{exercise.Slug}: no figure");
        }
        var slugs = exercises.Select(e => e.Slug).ToHashSet();
        foreach (var figure in figures)
        {
            if (!slugs.Contains(figure.Slug))
            {
                problems.Add($"{figure.Slug}: a figure for an exercise that does not exist");
                continue;
            }
            problems.AddRange(ValidateOne(figure, exercises.First(e => e.Slug == figure.Slug)).Select(p => $"{figure.Slug}: {p}"));
        }
        return problems;
    }

    private static IEnumerable<string> ValidateOne(ExerciseFigure figure, Exercise exercise)
    {
        if (figure.Poses.Count == 0)
        {
            yield return "no key pose";
            yield break;
        }
        if (Moves(exercise) && figure.Poses.Count < 2) yield return "a moving exercise needs two or more key poses";
        if (figure.CycleSeconds is < 0.3 or > 30) yield return $"cycleSeconds {figure.CycleSeconds} is outside 0.3..30";
        foreach (var pose in figure.Poses)
        {
            if (string.IsNullOrWhiteSpace(pose.Label)) yield return "a pose has no label";
            foreach (var problem in AngleProblems(pose.Angles, figure.View)) yield return $"{pose.Label}: {problem}";
            var body = Kinematics.Place(pose, figure.View);
            foreach (var bone in body.Bones.Where(b => Math.Abs(b.Length - Skeleton.Lengths[b.Segment]) > 1e-6))
            {
                yield return $"{pose.Label}: {bone.Segment} is {bone.Length:F2} long";
            }
            if (body.Lowest < -1e-6) yield return $"{pose.Label}: passes {-body.Lowest:F1} below the floor";
        }
        var start = Kinematics.Place(figure.Poses[0], figure.View);
        if (StartingContact(exercise.Position, start) is { } contact) yield return $"{figure.Poses[0].Label}: {contact}";
    }

    /// <summary>Held repetitions release, dynamic ones move: either way the figure must show the change.</summary>
    public static bool Moves(Exercise exercise) => exercise.PhaseCues.Release is not null || exercise.PhaseCues.Move is not null;

    private static IEnumerable<string> AngleProblems(JointAngles a, FigureView view)
    {
        var ranges = view == FigureView.Side ? SideRanges : FrontRanges;
        var angles = new (string Joint, string Name, double Value)[]
        {
            ("waist", "waist", a.Waist), ("neck", "neck", a.Neck),
            ("shoulder", "leftShoulder", a.LeftShoulder), ("shoulder", "rightShoulder", a.RightShoulder),
            ("elbow", "leftElbow", a.LeftElbow), ("elbow", "rightElbow", a.RightElbow),
            ("hip", "leftHip", a.LeftHip), ("hip", "rightHip", a.RightHip),
            ("knee", "leftKnee", a.LeftKnee), ("knee", "rightKnee", a.RightKnee),
            ("ankle", "leftAnkle", a.LeftAnkle), ("ankle", "rightAnkle", a.RightAnkle),
        };
        foreach (var (joint, name, value) in angles)
        {
            var (min, max) = ranges[joint];
            if (value < min || value > max) yield return $"{name} {value} is outside {min}..{max}";
        }
        if (a.Trunk is < -180 or > 180) yield return $"trunk {a.Trunk} is outside -180..180";
    }

    /// <summary>The starting pose rests on the floor the way its position says: the back, the knees, the seat or the feet.</summary>
    private static string? StartingContact(Position position, Body body)
    {
        if (body.Support is not (Support.Floor or Support.Roller or Support.Wall or Support.Doorway)) return null;
        double Trunk(Point p) => p.Y - Skeleton.TrunkHalfWidth;
        double Limb(Point p) => p.Y - Skeleton.LimbHalfWidth;
        var trunk = new[] { body[Segment.LowerTrunk].From, body[Segment.LowerTrunk].To, body[Segment.UpperTrunk].To }.Select(Trunk);
        var knees = new[] { body[Segment.LeftThigh].To, body[Segment.RightThigh].To }.Select(Limb);
        var feet = new[] { body[Segment.LeftShin].To, body[Segment.LeftFoot].To, body[Segment.RightShin].To, body[Segment.RightFoot].To }.Select(Limb);
        bool Touches(IEnumerable<double> edges) => edges.Any(y => y <= Touching);
        return position switch
        {
            Position.Supine or Position.Prone or Position.SideLying when trunk.Count(y => y <= Touching) < 2 => "a lying start should rest the trunk on the floor",
            Position.Kneeling or Position.AllFours when !Touches(knees) => "a kneeling start should rest a knee on the floor",
            Position.Sitting when !Touches([Trunk(body[Segment.LowerTrunk].From)]) => "a sitting start should rest the seat on the floor (or use a chair)",
            Position.Standing when !Touches(feet) => "a standing start should have its feet on the floor",
            _ => null,
        };
    }
}
