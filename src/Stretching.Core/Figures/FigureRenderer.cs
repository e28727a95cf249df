using System.Globalization;
using System.Net;
using System.Text;

namespace Stretching.Core.Figures;

/// <summary>
/// Draws a figure as SVG in one thick-line style: the trunk a little thicker than the limbs, the far
/// limbs fainter behind it, a filled head, the floor and any support. Colours come from
/// <c>currentColor</c>, so a figure follows the text colour of the page in either theme.
/// </summary>
public static class FigureRenderer
{
    public const double TrunkWidth = 2 * Skeleton.TrunkHalfWidth;
    public const double LimbWidth = 2 * Skeleton.LimbHalfWidth;
    private const double Margin = 6;

    /// <summary>Every pose of a figure, placed; the frame they share fits all of them.</summary>
    public static IReadOnlyList<Body> Bodies(ExerciseFigure figure) =>
        figure.Poses.Select(p => Kinematics.Place(p, figure.View)).ToList();

    /// <summary>The box (x, y-up, width, height) that holds every pose of the figure with its support and some floor.</summary>
    public static ViewBox Frame(IReadOnlyList<Body> bodies)
    {
        var points = bodies.SelectMany(b => b.Points.Concat(SupportOutline(b))).ToList();
        var minX = points.Min(p => p.X) - Margin - Skeleton.HeadRadius;
        var maxX = points.Max(p => p.X) + Margin + Skeleton.HeadRadius;
        var maxY = points.Max(p => p.Y) + Margin + Skeleton.HeadRadius;
        var minY = Math.Min(0, points.Min(p => p.Y)) - Margin / 2;
        return new ViewBox(minX, minY, maxX - minX, maxY - minY);
    }

    /// <summary>One pose as a standalone SVG image, titled for screen readers.</summary>
    public static string Svg(ExerciseFigure figure, int poseIndex, string title, bool mirrored = false)
    {
        var bodies = Bodies(figure);
        if (mirrored) bodies = bodies.Select(b => b.Mirrored()).ToList();
        var frame = Frame(bodies);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{frame.SvgViewBox}\" role=\"img\" aria-labelledby=\"t\"><title id=\"t\">{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(Scene(bodies[poseIndex], frame));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The drawing of one placed body with the floor and its support, as SVG elements (no outer svg).</summary>
    public static string Scene(Body body, ViewBox frame)
    {
        var svg = new StringBuilder();
        svg.Append("<g fill=\"none\" stroke=\"currentColor\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<path d=\"M{N(frame.X)} 0H{N(frame.X + frame.Width)}\" stroke-width=\"1\" opacity=\".35\"/>");
        svg.Append(SupportDrawing(body));
        svg.Append(Figure(body));
        svg.Append("</g>");
        return svg.ToString();
    }

    /// <summary>The body alone: far limbs, trunk, near limbs and head, each limb one path.</summary>
    public static string Figure(Body body)
    {
        var svg = new StringBuilder();
        // Seen from the side the right limbs are the far ones; from the front both sides are in view.
        var farSide = body.View == FigureView.Side ? " opacity=\".45\"" : "";
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Limbs(body, isRightSide: true)}\" stroke-width=\"{N(LimbWidth)}\"{farSide}/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<path d=\"{Chain(body[Segment.LowerTrunk].From, body[Segment.LowerTrunk].To, body[Segment.UpperTrunk].To, body[Segment.Neck].To)}\" stroke-width=\"{N(TrunkWidth)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Limbs(body, isRightSide: false)}\" stroke-width=\"{N(LimbWidth)}\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<circle cx=\"{N(body.HeadCenter.X)}\" cy=\"{N(-body.HeadCenter.Y)}\" r=\"{N(Skeleton.HeadRadius)}\" fill=\"currentColor\" stroke=\"none\"/>");
        return svg.ToString();
    }

    /// <summary>The limbs of one side as path data: each arm and each leg one connected stroke.</summary>
    public static string Limbs(Body body, bool isRightSide)
    {
        var (upper, fore, hand, thigh, shin, foot) = isRightSide
            ? (Segment.RightUpperArm, Segment.RightForearm, Segment.RightHand, Segment.RightThigh, Segment.RightShin, Segment.RightFoot)
            : (Segment.LeftUpperArm, Segment.LeftForearm, Segment.LeftHand, Segment.LeftThigh, Segment.LeftShin, Segment.LeftFoot);
        return Chain(body[upper].From, body[upper].To, body[fore].To, body[hand].To)
            + Chain(body[thigh].From, body[thigh].To, body[shin].To, body[foot].To);
    }

    private static string Chain(params Point[] points) =>
        "M" + string.Join("L", points.Select(p => $"{N(p.X)} {N(-p.Y)}"));

    /// <summary>The corners of the support's drawing, so the frame can make room for it.</summary>
    private static IEnumerable<Point> SupportOutline(Body body)
    {
        var hip = body[Segment.LowerTrunk].From;
        var hands = Hands(body).ToList();
        var feet = Feet(body).ToList();
        return body.Support switch
        {
            Support.Chair => [new(hip.X - 12, 0), new(hip.X + 10, Skeleton.ChairSeatHeight + 22)],
            Support.Bench => [new(hip.X - 9, 0), new(hip.X + 9, Skeleton.BenchHeight)],
            Support.Step => [new(feet.Min(p => p.X) - 8, 0), new(feet.Max(p => p.X) + 8, Skeleton.StepHeight)],
            Support.Bar or Support.Doorway => [new(hands.Min(p => p.X) - 10, hands.Max(p => p.Y) + 2), new(hands.Max(p => p.X) + 10, 0)],
            Support.Wall => [new(hands.Max(p => p.X) + 2, 0), new(hands.Max(p => p.X) + 2, hands.Max(p => p.Y) + 20)],
            _ => [],
        };
    }

    private static string SupportDrawing(Body body)
    {
        var hip = body[Segment.LowerTrunk].From;
        var waist = body[Segment.LowerTrunk].To;
        var hands = Hands(body).ToList();
        var feet = Feet(body).ToList();
        const string Style = " stroke-width=\"3\" opacity=\".6\"";
        return body.Support switch
        {
            Support.Chair => Path(Style, $"M{N(hip.X - 10)} {N(-Skeleton.ChairSeatHeight + 3)}H{N(hip.X + 9)}"
                + $"M{N(hip.X - 8)} {N(-Skeleton.ChairSeatHeight + 3)}V0M{N(hip.X + 7)} {N(-Skeleton.ChairSeatHeight + 3)}V0"
                + $"M{N(hip.X - 10)} {N(-Skeleton.ChairSeatHeight + 3)}V{N(-Skeleton.ChairSeatHeight - 20)}"),
            Support.Bench => Path(Style, $"M{N(hip.X - 8)} 0V{N(-Skeleton.BenchHeight + 4)}H{N(hip.X + 8)}V0"),
            Support.Step => Path(Style, $"M{N(feet.Min(p => p.X) - 7)} 0V{N(-Skeleton.StepHeight + 1.5)}H{N(feet.Max(p => p.X) + 7)}V0"),
            Support.Bar => Path(Style, Bar(hands)),
            Support.Doorway => Path(Style, Bar(hands) + $"M{N(hands.Min(p => p.X) - 9)} {N(-hands.Max(p => p.Y) - 1)}V0M{N(hands.Max(p => p.X) + 9)} {N(-hands.Max(p => p.Y) - 1)}V0"),
            Support.Wall => Path(Style, $"M{N(hands.Max(p => p.X) + 2)} 0V{N(-hands.Max(p => p.Y) - 20)}"),
            Support.Roller => $"<circle cx=\"{N(waist.X)}\" cy=\"{N(-RollerRadius(waist))}\" r=\"{N(RollerRadius(waist))}\"{Style}/>",
            Support.Board => Path(Style, Board(body)),
            _ => "",
        };
    }

    private static string Path(string style, string data) => $"<path d=\"{data}\"{style}/>";

    private static string Bar(List<Point> hands) =>
        $"M{N(hands.Min(p => p.X) - 10)} {N(-hands.Max(p => p.Y) - 1)}H{N(hands.Max(p => p.X) + 10)}";

    /// <summary>A board along the back: under the whole body, parallel to the lower trunk.</summary>
    private static string Board(Body body)
    {
        var hip = body[Segment.LowerTrunk].From;
        var waist = body[Segment.LowerTrunk].To;
        var length = hip.DistanceTo(waist);
        var (dx, dy) = ((waist.X - hip.X) / length, (waist.Y - hip.Y) / length);
        var (nx, ny) = (dy, -dx);
        if (ny > 0) (nx, ny) = (-nx, -ny);
        var from = new Point(hip.X - dx * 50 + nx * 5, hip.Y - dy * 50 + ny * 5);
        var to = new Point(hip.X + dx * 45 + nx * 5, hip.Y + dy * 45 + ny * 5);
        return $"M{N(from.X)} {N(-Math.Max(0, from.Y))}L{N(to.X)} {N(-Math.Max(0, to.Y))}";
    }

    private static double RollerRadius(Point waist) => Math.Clamp(waist.Y, 3, 6);

    private static IEnumerable<Point> Hands(Body body) => [body[Segment.LeftHand].To, body[Segment.RightHand].To];

    private static IEnumerable<Point> Feet(Body body) => [body[Segment.LeftFoot].To, body[Segment.LeftShin].To, body[Segment.RightFoot].To, body[Segment.RightShin].To];

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>A drawing's frame in figure units, y up; <see cref="SvgViewBox"/> turns it into SVG's y-down box.</summary>
public sealed record ViewBox(double X, double Y, double Width, double Height)
{
    public string SvgViewBox => string.Create(CultureInfo.InvariantCulture,
        $"{Math.Round(X, 1)} {Math.Round(-(Y + Height), 1)} {Math.Round(Width, 1)} {Math.Round(Height, 1)}");

    public bool Contains(Point p) => p.X >= X - 1e-6 && p.X <= X + Width + 1e-6 && p.Y >= Y - 1e-6 && p.Y <= Y + Height + 1e-6;
}
