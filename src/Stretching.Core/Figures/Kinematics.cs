namespace Stretching.Core.Figures;

/// <summary>A point of the drawing, in figure units with y pointing up; the floor is y = 0.</summary>
public readonly record struct Point(double X, double Y)
{
    public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);

    public Point Mirror() => new(-X, Y);

    public double DistanceTo(Point other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}

public enum Segment
{
    LowerTrunk, UpperTrunk, Neck,
    LeftUpperArm, LeftForearm, LeftHand, RightUpperArm, RightForearm, RightHand,
    LeftThigh, LeftShin, LeftFoot, RightThigh, RightShin, RightFoot,
}

public sealed record Bone(Segment Segment, Point From, Point To)
{
    public double Length => From.DistanceTo(To);

    /// <summary>The far side of the body in the side view: drawn behind and fainter.</summary>
    public bool IsRightSide => Segment.ToString().StartsWith("Right", StringComparison.Ordinal);
}

/// <summary>The figure placed in the scene: its bones, its head, and the support drawn with it.</summary>
public sealed record Body(IReadOnlyList<Bone> Bones, Point HeadCenter, Support Support, FigureView View)
{
    public IEnumerable<Point> Points => Bones.SelectMany(b => new[] { b.From, b.To }).Append(HeadCenter);

    /// <summary>The lowest edge of the drawn body: its lines have thickness, so a body lying flat rests on their edge.</summary>
    public double Lowest => Math.Min(Bones.Min(b => Math.Min(b.From.Y, b.To.Y) - Skeleton.HalfWidth(b.Segment)), HeadCenter.Y - Skeleton.HeadRadius);

    public Bone this[Segment segment] => Bones.Single(b => b.Segment == segment);

    public Body Mirrored() => this with
    {
        Bones = Bones.Select(b => b with { From = b.From.Mirror(), To = b.To.Mirror() }).ToList(),
        HeadCenter = HeadCenter.Mirror(),
    };
}

/// <summary>Fixed proportions, in units of about a hundredth of standing height.</summary>
public static class Skeleton
{
    public const double HeadRadius = 6;

    /// <summary>Half the drawn thickness of the trunk and of a limb.</summary>
    public const double TrunkHalfWidth = 5;
    public const double LimbHalfWidth = 3;

    public static double HalfWidth(Segment segment) =>
        segment is Segment.LowerTrunk or Segment.UpperTrunk or Segment.Neck ? TrunkHalfWidth : LimbHalfWidth;
    public const double ShoulderHalfWidth = 8;
    public const double HipHalfWidth = 5;

    /// <summary>Where the shoulder joint sits below the top of the trunk.</summary>
    public const double ShoulderDrop = 2;

    public static readonly IReadOnlyDictionary<Segment, double> Lengths = new Dictionary<Segment, double>
    {
        [Segment.LowerTrunk] = 16,
        [Segment.UpperTrunk] = 16,
        [Segment.Neck] = 5,
        [Segment.LeftUpperArm] = 16,
        [Segment.LeftForearm] = 14,
        [Segment.LeftHand] = 6,
        [Segment.RightUpperArm] = 16,
        [Segment.RightForearm] = 14,
        [Segment.RightHand] = 6,
        [Segment.LeftThigh] = 24,
        [Segment.LeftShin] = 23,
        [Segment.LeftFoot] = 9,
        [Segment.RightThigh] = 24,
        [Segment.RightShin] = 23,
        [Segment.RightFoot] = 9,
    };

    /// <summary>Heights the supports put the body at: a chair seat, a bench pad, a step, and the gap under a hanging body's feet.</summary>
    public const double ChairSeatHeight = 26;
    public const double BenchHeight = 38;
    public const double StepHeight = 10;
    public const double HangClearance = 8;
}

/// <summary>
/// Forward kinematics: from a pose's joint angles to the points of every bone, chained from the hips
/// outward, then placed so the body rests on its support (the lowest point on the floor, the hips on
/// a chair or bench, the feet on a step, hanging above the floor from a bar).
/// </summary>
public static class Kinematics
{
    public static Body Place(KeyPose pose, FigureView view)
    {
        var body = Chain(pose.Angles, view, pose.Support);
        var hip = body[Segment.LowerTrunk].From;
        var lift = pose.Support switch
        {
            Support.Chair => Skeleton.ChairSeatHeight - hip.Y,
            Support.Bench => Skeleton.BenchHeight - hip.Y,
            Support.Step => Skeleton.StepHeight - body.Lowest,
            Support.Bar => Skeleton.HangClearance - body.Lowest,
            _ => -body.Lowest,
        };
        var shift = new Point(0, lift);
        return body with
        {
            Bones = body.Bones.Select(b => b with { From = b.From + shift, To = b.To + shift }).ToList(),
            HeadCenter = body.HeadCenter + shift,
        };
    }

    /// <summary>A unit step in a direction measured clockwise from straight up, in degrees.</summary>
    private static Point Step(double degrees, double length)
    {
        var radians = degrees * Math.PI / 180;
        return new Point(Math.Sin(radians) * length, Math.Cos(radians) * length);
    }

    private static Body Chain(JointAngles a, FigureView view, Support support)
    {
        var L = Skeleton.Lengths;
        var bones = new List<Bone>();
        Point Add(Segment segment, Point from, double direction)
        {
            var to = from + Step(direction, L[segment]);
            bones.Add(new Bone(segment, from, to));
            return to;
        }

        var hip = new Point(0, 0);
        var lowerDirection = a.Trunk;
        var upperDirection = a.Trunk + a.Waist;
        var waist = Add(Segment.LowerTrunk, hip, lowerDirection);
        var top = Add(Segment.UpperTrunk, waist, upperDirection);
        var neckTop = Add(Segment.Neck, top, upperDirection + a.Neck);
        var head = neckTop + Step(upperDirection + a.Neck, Skeleton.HeadRadius);

        var front = view == FigureView.Front;
        var shoulder = top + Step(upperDirection + 180, Skeleton.ShoulderDrop);
        // Front view: the left side is on the viewer's right, and limbs open out to their own side.
        var (leftShoulder, rightShoulder) = front
            ? (shoulder + Step(upperDirection + 90, Skeleton.ShoulderHalfWidth), shoulder + Step(upperDirection - 90, Skeleton.ShoulderHalfWidth))
            : (shoulder, shoulder);
        var (leftHip, rightHip) = front
            ? (hip + Step(lowerDirection + 90, Skeleton.HipHalfWidth), hip + Step(lowerDirection - 90, Skeleton.HipHalfWidth))
            : (hip, hip);
        var rightSign = front ? -1 : 1;

        // Far side first, so the drawing can keep the order: behind, then in front.
        Arm(Segment.RightUpperArm, Segment.RightForearm, Segment.RightHand, rightShoulder, a.RightShoulder * rightSign, a.RightElbow * rightSign);
        Leg(Segment.RightThigh, Segment.RightShin, Segment.RightFoot, rightHip, a.RightHip * rightSign, a.RightKnee * rightSign, a.RightAnkle, rightSign);
        Arm(Segment.LeftUpperArm, Segment.LeftForearm, Segment.LeftHand, leftShoulder, a.LeftShoulder, a.LeftElbow);
        Leg(Segment.LeftThigh, Segment.LeftShin, Segment.LeftFoot, leftHip, a.LeftHip, a.LeftKnee, a.LeftAnkle, 1);

        var trunk = bones.Where(b => b.Segment is Segment.LowerTrunk or Segment.UpperTrunk or Segment.Neck).ToList();
        bones.RemoveAll(trunk.Contains);
        // Drawing order: far limbs, trunk, near limbs.
        var ordered = bones.Where(b => b.IsRightSide).Concat(trunk).Concat(bones.Where(b => !b.IsRightSide)).ToList();
        return new Body(ordered, head, support, view);

        void Arm(Segment upper, Segment fore, Segment hand, Point from, double shoulderAngle, double elbowAngle)
        {
            var upperArm = upperDirection + 180 - shoulderAngle;
            var elbow = Add(upper, from, upperArm);
            var wrist = Add(fore, elbow, upperArm - elbowAngle);
            Add(hand, wrist, upperArm - elbowAngle);
        }

        void Leg(Segment thigh, Segment shin, Segment foot, Point from, double hipAngle, double kneeAngle, double ankleAngle, int side)
        {
            var thighDirection = lowerDirection + 180 - hipAngle;
            var knee = Add(thigh, from, thighDirection);
            var shinDirection = thighDirection + kneeAngle;
            var ankle = Add(shin, knee, shinDirection);
            // Side view: the foot points forward from the shin; front view: it points out to its own side.
            Add(foot, ankle, shinDirection - side * (90 - ankleAngle));
        }
    }
}
