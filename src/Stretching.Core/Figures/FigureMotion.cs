namespace Stretching.Core.Figures;

/// <summary>
/// A figure as the player moves it: its key poses in playing order with the frames between them, round
/// the loop back to the first, drawn in one frame that holds them all. The frames between two key poses
/// come from their joint angles (so bones keep their length and the body stays on its support); there
/// are just enough of them that a straight line from one frame to the next strays less than
/// <see cref="Tolerance"/> from the true movement, so the player only has to mix neighbouring numbers.
/// </summary>
public sealed record FigureMotion(ViewBox Frame, string Floor, IReadOnlyList<FigureParts> Frames, IReadOnlyList<int> Keys)
{
    /// <summary>How far (in figure units, a hundredth of standing height) a point may stray between two frames.</summary>
    public const double Tolerance = 0.75;

    /// <summary>No transition gets more frames between its key poses than this.</summary>
    public const int MaxInBetweens = 8;

    public static FigureMotion Of(ExerciseFigure figure)
    {
        var bodies = new List<Body>();
        var keys = new List<int>();
        var poses = figure.Poses;
        for (var i = 0; i < poses.Count; i++)
        {
            keys.Add(bodies.Count);
            bodies.Add(Kinematics.Place(poses[i], figure.View));
            if (poses.Count == 1) break;
            bodies.AddRange(InBetweens(poses[i], poses[(i + 1) % poses.Count], figure.View));
        }
        var frame = FigureRenderer.Frame(bodies);
        return new FigureMotion(frame, FigureRenderer.Floor(frame), bodies.Select(FigureRenderer.Parts).ToList(), keys);
    }

    /// <summary>The bodies between two key poses (neither included), as few as keep within the tolerance.</summary>
    public static IReadOnlyList<Body> InBetweens(KeyPose from, KeyPose to, FigureView view)
    {
        for (var count = 0; count < MaxInBetweens; count++)
        {
            var steps = Enumerable.Range(0, count + 2).Select(k => Between(from, to, view, (double)k / (count + 1))).ToList();
            var worst = 0.0;
            for (var k = 0; k + 1 < steps.Count; k++)
            {
                var middle = Between(from, to, view, (k + 0.5) / (count + 1));
                worst = Math.Max(worst, Stray(steps[k], steps[k + 1], middle));
            }
            if (worst <= Tolerance) return steps.Skip(1).SkipLast(1).ToList();
        }
        return Enumerable.Range(1, MaxInBetweens).Select(k => Between(from, to, view, (double)k / (MaxInBetweens + 1))).ToList();
    }

    /// <summary>The body a fraction of the way from one pose to the next, on the support of the nearer one.</summary>
    public static Body Between(KeyPose from, KeyPose to, FigureView view, double fraction) =>
        Kinematics.Place(new KeyPose(from.Label, from.Angles.Toward(to.Angles, fraction), fraction < 0.5 ? from.Support : to.Support), view);

    /// <summary>How far the true middle body is from the point halfway along a straight line between two bodies, at worst.</summary>
    private static double Stray(Body a, Body b, Body middle)
    {
        var (pa, pb, pm) = (a.Points.ToList(), b.Points.ToList(), middle.Points.ToList());
        return pm.Select((p, i) => p.DistanceTo(new Point((pa[i].X + pb[i].X) / 2, (pa[i].Y + pb[i].Y) / 2))).Max();
    }
}
