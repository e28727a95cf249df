namespace Stretching.Core.Figures;

/// <summary>Which way the figure is seen: from its left side (most exercises) or from the front (side bends).</summary>
public enum FigureView { Side, Front }

/// <summary>
/// What carries the figure besides the floor, drawn simply when it is part of the pose: a chair or a
/// bench under the hips, a step under the feet, a bar the body hangs from (feet off the floor), a
/// doorway bar held with the feet down, a wall the hands press on, a roller under the waist, an
/// incline board along the back.
/// </summary>
public enum Support { Floor, Chair, Bench, Step, Bar, Doorway, Wall, Roller, Board }

/// <summary>
/// A pose as joint angles in degrees; any angle left out is 0. The conventions, for the side view
/// (the figure faces right, its left side toward the viewer):
/// <list type="bullet">
/// <item><c>Trunk</c>: the lower trunk's direction from the hips, 0 = straight up, turning clockwise
/// (toward the face): 90 lies face down with the head to the right, -90 lies face up with the head to the left.</item>
/// <item><c>Waist</c>: the upper trunk against the lower, + rounds forward (flexion), - arches back.</item>
/// <item><c>Neck</c>: the head against the upper trunk, + chin toward the chest.</item>
/// <item>Shoulders: 0 = arm hanging along the trunk, 90 = straight ahead, 180 = overhead, - behind.</item>
/// <item>Elbows and knees: 0 = straight; elbows bend the forearm forward, knees the shin back.</item>
/// <item>Hips: 0 = leg straight along the trunk, 90 = thigh straight ahead, - behind.</item>
/// <item>Ankles: 0 = foot at a right angle to the shin, + points the toes.</item>
/// </list>
/// In the front view the same numbers turn sideways: the trunk and waist lean to the viewer's right
/// (+), shoulders and hips open out to the side, and left limbs are on the viewer's right.
/// </summary>
public sealed record JointAngles
{
    public double Trunk { get; init; }
    public double Waist { get; init; }
    public double Neck { get; init; }
    public double LeftShoulder { get; init; }
    public double LeftElbow { get; init; }
    public double RightShoulder { get; init; }
    public double RightElbow { get; init; }
    public double LeftHip { get; init; }
    public double LeftKnee { get; init; }
    public double LeftAnkle { get; init; }
    public double RightHip { get; init; }
    public double RightKnee { get; init; }
    public double RightAnkle { get; init; }

    /// <summary>
    /// Each angle moved a fraction of the way toward another pose's, for the frames between key poses.
    /// The trunk is a direction, so it turns the short way round: lying face up (-90) rolls back into a
    /// plow (168) over the shoulders, not up through standing.
    /// </summary>
    public JointAngles Toward(JointAngles other, double fraction)
    {
        double Mix(double a, double b) => a + (b - a) * fraction;
        var turn = ((other.Trunk - Trunk) % 360 + 540) % 360 - 180;
        return new JointAngles
        {
            Trunk = Trunk + turn * fraction,
            Waist = Mix(Waist, other.Waist),
            Neck = Mix(Neck, other.Neck),
            LeftShoulder = Mix(LeftShoulder, other.LeftShoulder),
            LeftElbow = Mix(LeftElbow, other.LeftElbow),
            RightShoulder = Mix(RightShoulder, other.RightShoulder),
            RightElbow = Mix(RightElbow, other.RightElbow),
            LeftHip = Mix(LeftHip, other.LeftHip),
            LeftKnee = Mix(LeftKnee, other.LeftKnee),
            LeftAnkle = Mix(LeftAnkle, other.LeftAnkle),
            RightHip = Mix(RightHip, other.RightHip),
            RightKnee = Mix(RightKnee, other.RightKnee),
            RightAnkle = Mix(RightAnkle, other.RightAnkle),
        };
    }
}

/// <summary>One key pose: its label ("start", "hold", "left"...), its angles and what carries it.</summary>
public sealed record KeyPose(string Label, JointAngles Angles, Support Support = Support.Floor);

/// <summary>
/// How an exercise is drawn: its view and its key poses, in the order they are played
/// (data/figures/&lt;slug&gt;.json). <c>CycleSeconds</c> is the time one round of the poses takes when the
/// exercise is timed work rather than counted repetitions (a jogging stride, a jumping jack); without
/// it the player uses the session's time per dynamic repetition.
/// </summary>
public sealed record ExerciseFigure(string Slug, FigureView View, IReadOnlyList<KeyPose> Poses, double? CycleSeconds = null);
