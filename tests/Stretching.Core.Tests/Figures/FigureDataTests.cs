using System.Text.RegularExpressions;
using Stretching.Core.Catalog;
using Stretching.Core.Figures;

namespace Stretching.Core.Tests.Figures;

/// <summary>The figures of data/figures themselves: every exercise drawn, believably, and drawn the same way everywhere.</summary>
public sealed partial class FigureDataTests
{
    private static readonly IReadOnlyList<Exercise> Exercises = CatalogFiles.LoadExercises(RepositoryPaths.Data);
    private static readonly IReadOnlyList<ExerciseFigure> Figures = CatalogFiles.LoadFigures(RepositoryPaths.Data);

    public static TheoryData<string> Slugs => [.. Figures.Select(f => f.Slug)];

    private static ExerciseFigure Figure(string slug) => Figures.Single(f => f.Slug == slug);

    [Fact]
    public void EveryExerciseHasAFigureAndTheValidatorFindsNoProblemInAny()
    {
        Assert.Equal(Exercises.Select(e => e.Slug).Order(), Figures.Select(f => f.Slug).Order());
        Assert.Empty(FigureValidator.Validate(Figures, Exercises));
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void EveryPoseAndEveryFrameBetweenThemKeepsItsBonesAboveTheFloorAndInsideItsFrame(string slug)
    {
        var figure = Figure(slug);
        var motion = FigureMotion.Of(figure);
        var bodies = Enumerable.Range(0, figure.Poses.Count)
            .SelectMany(i => figure.Poses.Count == 1 ? [Kinematics.Place(figure.Poses[i], figure.View)]
                : FigureMotion.InBetweens(figure.Poses[i], figure.Poses[(i + 1) % figure.Poses.Count], figure.View)
                    .Prepend(Kinematics.Place(figure.Poses[i], figure.View)))
            .ToList();

        Assert.Equal(motion.Frames.Count, bodies.Count);
        foreach (var body in bodies)
        {
            Assert.All(body.Bones, b => Assert.Equal(Skeleton.Lengths[b.Segment], b.Length, 6));
            Assert.True(body.Lowest >= -1e-6, $"{slug}: {-body.Lowest:F1} below the floor");
            foreach (var bone in body.Bones)
            {
                var edge = Skeleton.HalfWidth(bone.Segment);
                foreach (var p in new[] { bone.From, bone.To })
                {
                    Assert.True(motion.Frame.Contains(p + new Point(edge, edge)) && motion.Frame.Contains(p + new Point(-edge, -edge)),
                        $"{slug}: {bone.Segment} at {p} leaves the frame {motion.Frame}");
                }
            }
            Assert.True(motion.Frame.Contains(body.HeadCenter + new Point(0, Skeleton.HeadRadius)), $"{slug}: the head leaves the frame");
        }
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void TheOtherSideIsATrueMirrorOfEveryPose(string slug)
    {
        var figure = Figure(slug);
        var bodies = FigureRenderer.Bodies(figure);
        var frame = FigureRenderer.Frame(bodies);
        for (var i = 0; i < bodies.Count; i++)
        {
            var mirrored = bodies[i].Mirrored();
            Assert.Equal(bodies[i].Bones.Select(b => b.Segment), mirrored.Bones.Select(b => b.Segment));
            Assert.All(bodies[i].Bones.Zip(mirrored.Bones), pair =>
            {
                Assert.Equal(pair.First.From.Mirror(), pair.Second.From);
                Assert.Equal(pair.First.To.Mirror(), pair.Second.To);
            });
            Assert.Equal(bodies[i].HeadCenter.Mirror(), mirrored.HeadCenter);

            // The image of the other side is the same scene, supports included, turned over inside the turned-over frame.
            var left = FigureRenderer.Svg(figure, i, "left");
            var right = FigureRenderer.Svg(figure, i, "right", mirrored: true);
            Assert.Equal(frame.Mirrored().SvgViewBox, ViewBoxOf(right));
            Assert.Equal(frame.SvgViewBox, ViewBoxOf(left));
            Assert.Contains($"<g transform=\"scale(-1 1)\">{FigureRenderer.Scene(bodies[i], frame)}</g>", right);
        }
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void EveryImageIsAFewKilobytesTitledAndDrawnInTheColourItIsGiven(string slug)
    {
        var figure = Figure(slug);
        for (var i = 0; i < figure.Poses.Count; i++)
        {
            var svg = FigureRenderer.Svg(figure, i, $"{slug}: {figure.Poses[i].Label}", color: "#1f5a4e");
            Assert.True(svg.Length < 2500, $"{slug} pose {i}: {svg.Length} bytes");
            Assert.Contains($"<title id=\"t\">{slug}: ", svg);
            Assert.Contains("color=\"#1f5a4e\"", svg);
            Assert.DoesNotContain("style", svg);
            Assert.DoesNotContain("NaN", svg);
        }
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void ThePlayersFramesStartAtEachKeyPoseAndDifferFromTheNextOnlyInTheirNumbers(string slug)
    {
        var figure = Figure(slug);
        var motion = FigureMotion.Of(figure);

        Assert.Equal(figure.Poses.Count, motion.Keys.Count);
        Assert.Equal(0, motion.Keys[0]);
        Assert.True(motion.Keys.Zip(motion.Keys.Skip(1)).All(k => k.First < k.Second), "key frames in playing order");
        for (var i = 0; i < figure.Poses.Count; i++)
        {
            Assert.Equal(FigureRenderer.Parts(Kinematics.Place(figure.Poses[i], figure.View)), motion.Frames[motion.Keys[i]]);
        }
        for (var i = 0; i < motion.Frames.Count; i++)
        {
            var (a, b) = (motion.Frames[i], motion.Frames[(i + 1) % motion.Frames.Count]);
            Assert.Equal(Number().Replace(a.Packed, "#"), Number().Replace(b.Packed, "#"));
        }
    }

    [Fact]
    public void AFrameBetweenTwoKeyPosesStraysLittleFromTheTrueMovement()
    {
        // The cat: a big change of the trunk, the neck and the shoulders at once.
        var cat = Figure("cat-cow");
        var between = FigureMotion.InBetweens(cat.Poses[0], cat.Poses[1], cat.View);
        var steps = between.Prepend(Kinematics.Place(cat.Poses[0], cat.View)).Append(Kinematics.Place(cat.Poses[1], cat.View)).ToList();

        Assert.NotEmpty(between);
        for (var k = 0; k + 1 < steps.Count; k++)
        {
            var middle = FigureMotion.Between(cat.Poses[0], cat.Poses[1], cat.View, (k + 0.5) / (steps.Count - 1));
            var (a, b, m) = (steps[k].Points.ToList(), steps[k + 1].Points.ToList(), middle.Points.ToList());
            for (var p = 0; p < m.Count; p++)
            {
                var straight = new Point((a[p].X + b[p].X) / 2, (a[p].Y + b[p].Y) / 2);
                Assert.True(m[p].DistanceTo(straight) <= FigureMotion.Tolerance, $"point {p} strays {m[p].DistanceTo(straight):F2}");
            }
        }
    }

    [Fact]
    public void TimedMovementsSayHowLongOneRoundOfTheirPosesTakes()
    {
        var timedMovements = Exercises.Where(e => e.Duration is not null && e.PhaseCues.Move is not null).Select(e => e.Slug).ToList();

        Assert.NotEmpty(timedMovements);
        Assert.All(timedMovements, slug => Assert.InRange(Figure(slug).CycleSeconds ?? 0, 0.4, 20));
    }

    private static string ViewBoxOf(string svg) => Regex.Match(svg, "viewBox=\"([^\"]+)\"").Groups[1].Value;

    [GeneratedRegex(@"-?\d*\.?\d+")]
    private static partial Regex Number();
}
