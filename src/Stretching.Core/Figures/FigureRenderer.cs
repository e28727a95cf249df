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

    /// <summary>
    /// One pose as a standalone SVG image, titled for screen readers. With a colour the figure is drawn
    /// in it (an image cannot inherit the page's text colour); without one it keeps <c>currentColor</c>.
    /// </summary>
    public static string Svg(ExerciseFigure figure, int poseIndex, string title, bool mirrored = false, string? color = null)
    {
        var bodies = Bodies(figure);
        var frame = Frame(bodies);
        var svg = new StringBuilder();
        var colour = color is null ? "" : $" color=\"{WebUtility.HtmlEncode(color)}\"";
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{(mirrored ? frame.Mirrored() : frame).SvgViewBox}\"{colour} role=\"img\" aria-labelledby=\"t\"><title id=\"t\">{WebUtility.HtmlEncode(title)}</title>");
        // The other side is the whole drawing turned over, supports included: a true mirror by construction.
        svg.Append(mirrored ? $"<g transform=\"scale(-1 1)\">{Scene(bodies[poseIndex], frame)}</g>" : Scene(bodies[poseIndex], frame));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The drawing of one placed body with the floor and its support, as SVG elements (no outer svg).</summary>
    public static string Scene(Body body, ViewBox frame) => Scene(Parts(body), Floor(frame), body.View);

    /// <summary>
    /// A scene from its parts, always the same elements in the same order: the floor, the support, the
    /// far limbs, the trunk, the near limbs (paths) and the head (a circle). The player fills an empty
    /// scene with frames of <see cref="FigureMotion"/>, so this order is its contract.
    /// </summary>
    public static string Scene(FigureParts parts, string floor, FigureView view)
    {
        var svg = new StringBuilder();
        svg.Append("<g fill=\"none\" stroke=\"currentColor\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{floor}\" stroke-width=\"1\" opacity=\".35\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{parts.Support}\" stroke-width=\"3\" opacity=\".6\"/>");
        // Seen from the side the right limbs are the far ones; from the front both sides are in view.
        var farSide = view == FigureView.Side ? " opacity=\".45\"" : "";
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{parts.FarLimbs}\" stroke-width=\"{N(LimbWidth)}\"{farSide}/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{parts.Trunk}\" stroke-width=\"{N(TrunkWidth)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{parts.NearLimbs}\" stroke-width=\"{N(LimbWidth)}\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<circle cx=\"{N(parts.HeadX)}\" cy=\"{N(parts.HeadY)}\" r=\"{N(Skeleton.HeadRadius)}\" fill=\"currentColor\" stroke=\"none\"/>");
        svg.Append("</g>");
        return svg.ToString();
    }

    /// <summary>The floor line across the frame, as path data.</summary>
    public static string Floor(ViewBox frame) => $"M{N(frame.X)} 0H{N(frame.X + frame.Width)}";

    /// <summary>What moves in a drawing of one body: its support, limbs, trunk and head, in SVG units (y down).</summary>
    public static FigureParts Parts(Body body) => new(
        SupportDrawing(body),
        Limbs(body, isRightSide: true),
        Trunk(body),
        Limbs(body, isRightSide: false),
        body.HeadCenter.X,
        -body.HeadCenter.Y);

    /// <summary>
    /// The trunk and neck as one stroke, the waist drawn as a curve through the middle of the two trunk
    /// segments so a rounded or arched back reads as a spine rather than a hinge. The curve stays inside
    /// the corner, so it never dips lower than the bones themselves.
    /// </summary>
    public static string Trunk(Body body)
    {
        var hip = body[Segment.LowerTrunk].From;
        var waist = body[Segment.LowerTrunk].To;
        var top = body[Segment.UpperTrunk].To;
        var neck = body[Segment.Neck].To;
        var lowerMiddle = new Point((hip.X + waist.X) / 2, (hip.Y + waist.Y) / 2);
        var upperMiddle = new Point((waist.X + top.X) / 2, (waist.Y + top.Y) / 2);
        return $"M{P(hip)}L{P(lowerMiddle)}Q{P(waist)} {P(upperMiddle)}L{P(top)}L{P(neck)}";
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

    /// <summary>The pose whose picture stands for the exercise: the held or moved-to pose when there is one, else the only one.</summary>
    public static int SignaturePose(ExerciseFigure figure) => figure.Poses.Count > 1 ? 1 : 0;

    private static string Chain(params Point[] points) => "M" + string.Join("L", points.Select(P));

    /// <summary>A point as SVG coordinates: y turns down.</summary>
    private static string P(Point p) => $"{N(p.X)} {N(-p.Y)}";

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

    /// <summary>The support under or around the body, as path data (empty on the bare floor).</summary>
    private static string SupportDrawing(Body body)
    {
        var hip = body[Segment.LowerTrunk].From;
        var waist = body[Segment.LowerTrunk].To;
        var hands = Hands(body).ToList();
        var feet = Feet(body).ToList();
        return body.Support switch
        {
            Support.Chair => $"M{N(hip.X - 10)} {N(-Skeleton.ChairSeatHeight + 3)}H{N(hip.X + 9)}"
                + $"M{N(hip.X - 8)} {N(-Skeleton.ChairSeatHeight + 3)}V0M{N(hip.X + 7)} {N(-Skeleton.ChairSeatHeight + 3)}V0"
                + $"M{N(hip.X - 10)} {N(-Skeleton.ChairSeatHeight + 3)}V{N(-Skeleton.ChairSeatHeight - 20)}",
            Support.Bench => $"M{N(hip.X - 8)} 0V{N(-Skeleton.BenchHeight + 4)}H{N(hip.X + 8)}V0",
            Support.Step => $"M{N(feet.Min(p => p.X) - 7)} 0V{N(-Skeleton.StepHeight + 1.5)}H{N(feet.Max(p => p.X) + 7)}V0",
            Support.Bar => Bar(hands),
            Support.Doorway => Bar(hands) + $"M{N(hands.Min(p => p.X) - 9)} {N(-hands.Max(p => p.Y) - 1)}V0M{N(hands.Max(p => p.X) + 9)} {N(-hands.Max(p => p.Y) - 1)}V0",
            Support.Wall => $"M{N(hands.Max(p => p.X) + 2)} 0V{N(-hands.Max(p => p.Y) - 20)}",
            Support.Roller => Circle(waist.X, RollerRadius(waist)),
            Support.Board => Board(body),
            _ => "",
        };
    }

    /// <summary>A roller resting on the floor as path data (two arcs), so every support is one path.</summary>
    private static string Circle(double x, double radius) =>
        $"M{N(x - radius)} {N(-radius)}a{N(radius)} {N(radius)} 0 1 0 {N(2 * radius)} 0a{N(radius)} {N(radius)} 0 1 0 {N(-2 * radius)} 0";

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

    /// <summary>A number as drawn: one decimal at most, and never "-0".</summary>
    internal static string N(double value)
    {
        var rounded = Math.Round(value, 1);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }
}

/// <summary>A drawing's frame in figure units, y up; <see cref="SvgViewBox"/> turns it into SVG's y-down box.</summary>
public sealed record ViewBox(double X, double Y, double Width, double Height)
{
    public string SvgViewBox => string.Create(CultureInfo.InvariantCulture,
        $"{Math.Round(X, 1)} {Math.Round(-(Y + Height), 1)} {Math.Round(Width, 1)} {Math.Round(Height, 1)}");

    /// <summary>The same frame seen in a mirror: x turns over, y stays.</summary>
    public ViewBox Mirrored() => this with { X = -(X + Width) };

    public bool Contains(Point p) => p.X >= X - 1e-6 && p.X <= X + Width + 1e-6 && p.Y >= Y - 1e-6 && p.Y <= Y + Height + 1e-6;
}

/// <summary>
/// What moves in the drawing of one pose, as SVG path data in y-down units: the support, the far
/// limbs, the trunk with the neck, the near limbs, and the head's centre.
/// </summary>
public sealed record FigureParts(string Support, string FarLimbs, string Trunk, string NearLimbs, double HeadX, double HeadY)
{
    /// <summary>Nothing drawn yet: the empty scene the player fills frame by frame.</summary>
    public static readonly FigureParts Empty = new("", "", "", "", 0, 0);

    /// <summary>
    /// The parts as one string, "support|far|trunk|near|x y": compact in the player's JSON, and two
    /// frames of one figure differ only in their numbers, so the player can move between them.
    /// </summary>
    public string Packed => $"{Support}|{FarLimbs}|{Trunk}|{NearLimbs}|{FigureRenderer.N(HeadX)} {FigureRenderer.N(HeadY)}";
}
