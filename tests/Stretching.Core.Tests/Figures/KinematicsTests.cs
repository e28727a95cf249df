using Stretching.Core.Figures;

namespace Stretching.Core.Tests.Figures;

public sealed class KinematicsTests
{
    private static Body Place(JointAngles angles, Support support = Support.Floor, FigureView view = FigureView.Side) =>
        Kinematics.Place(new KeyPose("test", angles, support), view);

    private static readonly JointAngles Standing = new();

    [Fact]
    public void StandingPutsTheFeetOnTheFloorTheHeadOnTopAndTheToesForward()
    {
        var body = Place(Standing);

        Assert.Equal(0, body.Lowest, 6);
        Assert.True(body.HeadCenter.Y > body[Segment.UpperTrunk].To.Y);
        Assert.True(body[Segment.LeftFoot].To.X > body[Segment.LeftFoot].From.X, "the toes point the way the figure faces");
        Assert.Equal(body[Segment.LeftThigh].From.X, body[Segment.LeftShin].To.X, 6);
    }

    [Fact]
    public void EveryBoneKeepsItsLengthWhateverTheAngles()
    {
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            double Any(double min, double max) => min + random.NextDouble() * (max - min);
            var angles = new JointAngles
            {
                Trunk = Any(-180, 180), Waist = Any(-80, 90), Neck = Any(-70, 80),
                LeftShoulder = Any(-70, 190), RightShoulder = Any(-70, 190), LeftElbow = Any(0, 160), RightElbow = Any(0, 160),
                LeftHip = Any(-45, 170), RightHip = Any(-45, 170), LeftKnee = Any(0, 165), RightKnee = Any(0, 165),
                LeftAnkle = Any(-30, 90), RightAnkle = Any(-30, 90),
            };
            foreach (var view in new[] { FigureView.Side, FigureView.Front })
            {
                var body = Place(angles, view: view);
                Assert.All(body.Bones, b => Assert.Equal(Skeleton.Lengths[b.Segment], b.Length, 6));
                Assert.True(body.Lowest >= -1e-6);
            }
        }
    }

    [Fact]
    public void KneesBendTheShinBackAndElbowsBendTheForearmForward()
    {
        var kneeling = Place(Standing with { LeftKnee = 90, RightKnee = 90 });
        Assert.True(kneeling[Segment.LeftShin].To.X < kneeling[Segment.LeftShin].From.X, "a bent knee sends the shin behind");

        var reaching = Place(Standing with { LeftShoulder = 90, LeftElbow = 90 });
        Assert.True(reaching[Segment.LeftUpperArm].To.X > reaching[Segment.LeftUpperArm].From.X, "shoulder flexion lifts the arm forward");
        Assert.True(reaching[Segment.LeftForearm].To.Y > reaching[Segment.LeftForearm].From.Y, "elbow flexion lifts the forearm");
    }

    [Fact]
    public void LyingFaceUpPutsTheHeadToTheLeftAndTheTrunkOnTheFloorEdge()
    {
        var body = Place(Standing with { Trunk = -90 });

        Assert.True(body.HeadCenter.X < body[Segment.LowerTrunk].From.X);
        Assert.Equal(0, body.Lowest, 6);
        Assert.InRange(body[Segment.LowerTrunk].From.Y - Skeleton.TrunkHalfWidth, 0, 2);
    }

    [Fact]
    public void SupportsPlaceTheBody()
    {
        var seated = Place(Standing with { LeftHip = 90, RightHip = 90, LeftKnee = 90, RightKnee = 90 }, Support.Chair);
        Assert.Equal(Skeleton.ChairSeatHeight, seated[Segment.LowerTrunk].From.Y, 6);

        var hanging = Place(Standing with { LeftShoulder = 180, RightShoulder = 180 }, Support.Bar);
        Assert.Equal(Skeleton.HangClearance, hanging.Lowest, 6);

        var onStep = Place(Standing, Support.Step);
        Assert.Equal(Skeleton.StepHeight, onStep.Lowest, 6);
    }

    [Fact]
    public void AMirroredBodyIsATrueMirror()
    {
        var body = Place(Standing with { Trunk = 30, Waist = 20, LeftShoulder = 120, LeftHip = 40, RightKnee = 60 });
        var mirrored = body.Mirrored();

        Assert.Equal(body.Bones.Count, mirrored.Bones.Count);
        for (var i = 0; i < body.Bones.Count; i++)
        {
            Assert.Equal(body.Bones[i].Segment, mirrored.Bones[i].Segment);
            Assert.Equal((-body.Bones[i].From.X, body.Bones[i].From.Y), (mirrored.Bones[i].From.X, mirrored.Bones[i].From.Y));
            Assert.Equal((-body.Bones[i].To.X, body.Bones[i].To.Y), (mirrored.Bones[i].To.X, mirrored.Bones[i].To.Y));
        }
        Assert.Equal(-body.HeadCenter.X, mirrored.HeadCenter.X);
    }

    [Fact]
    public void BetweenTwoPosesTheTrunkTurnsTheShortWayRound()
    {
        var lying = Standing with { Trunk = -90 };
        var plow = Standing with { Trunk = 168 };

        Assert.Equal(-141, lying.Toward(plow, 0.5).Trunk, 6);
        Assert.Equal(-192, lying.Toward(plow, 1).Trunk, 6);
        Assert.Equal(30, (Standing with { Trunk = 10 }).Toward(Standing with { Trunk = 50 }, 0.5).Trunk, 6);
    }

    [Fact]
    public void TheFrontViewSpreadsTheLimbsToTheirOwnSides()
    {
        var body = Place(Standing with { LeftShoulder = 90, RightShoulder = 90 }, view: FigureView.Front);

        Assert.True(body[Segment.LeftHand].To.X > body[Segment.LeftUpperArm].From.X + 20, "the left arm opens to the viewer's right");
        Assert.True(body[Segment.RightHand].To.X < body[Segment.RightUpperArm].From.X - 20, "the right arm opens to the viewer's left");
    }

    [Fact]
    public void TheSvgHasATitleUsesCurrentColourAndFitsEveryPointInItsFrame()
    {
        var figure = new ExerciseFigure("test", FigureView.Side,
            [new KeyPose("Start", Standing), new KeyPose("Reach", Standing with { LeftShoulder = 180, RightShoulder = 170 })]);

        var svg = FigureRenderer.Svg(figure, 1, "Test: reach");
        var bodies = FigureRenderer.Bodies(figure);
        var frame = FigureRenderer.Frame(bodies);

        Assert.Contains("<title id=\"t\">Test: reach</title>", svg);
        Assert.Contains("stroke=\"currentColor\"", svg);
        Assert.DoesNotContain("#", svg);
        Assert.All(bodies.SelectMany(b => b.Points), p => Assert.True(frame.Contains(p), $"{p} is outside the frame"));
        Assert.True(svg.Length < 2048, $"{svg.Length} bytes");
    }
}
