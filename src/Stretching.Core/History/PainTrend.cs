using System.Globalization;

namespace Stretching.Core.History;

/// <summary>The pain ratings of one session (0-10), either of them null when the person skipped the question.</summary>
public sealed record PainPoint(string RecordId, DateTimeOffset At, int? Before, int? After)
{
    /// <summary>
    /// How the back felt coming to the session, which is what the trend follows: the rating after
    /// stands in when the one before was skipped.
    /// </summary>
    public int? Level => Before ?? After;
}

/// <summary>The least-squares line through the points' levels: its value at <see cref="Origin"/> and its change per week.</summary>
public sealed record PainLine(DateTimeOffset Origin, double PainAtOrigin, double SlopePerWeek)
{
    public double At(DateTimeOffset time) => PainAtOrigin + SlopePerWeek * (time - Origin).TotalDays / 7;
}

/// <summary>Where the pain is heading, comparing the last week with the week two weeks before it.</summary>
public enum PainVerdict
{
    /// <summary>Too few ratings in one of the two weeks to say.</summary>
    NoVerdict,

    /// <summary>Up by two points or more: see a doctor (H4, H5).</summary>
    Rising,

    /// <summary>Pain for more than two weeks of sessions and no lower: see a doctor (H5).</summary>
    NotImproving,

    /// <summary>Lower than two weeks before.</summary>
    Easing,

    /// <summary>Little or no pain lately.</summary>
    Low,

    /// <summary>Some pain has come on lately, less than two points up and not yet lasting two weeks.</summary>
    Mild,
}

/// <summary>
/// The pain points of a period, their trend line, and the verdict with a text for the person. The
/// averages are of the two weeks the verdict compares; null when that week has too few ratings.
/// </summary>
public sealed record PainTrendReport(
    IReadOnlyList<PainPoint> Points, PainLine? Line, double? RecentAverage, double? EarlierAverage, PainVerdict Verdict, string Text)
{
    /// <summary>The verdict is H5's warning sign: the text tells the person to see a doctor.</summary>
    public bool SeeDoctor => Verdict is PainVerdict.Rising or PainVerdict.NotImproving;
}

/// <summary>
/// Reads the pain ratings of a person's sessions (H4, H5). The verdict compares the average level of
/// the last seven days before <c>until</c> with that of the seven days ending fourteen days before it,
/// each needing <see cref="MinRatingsPerWeek"/> ratings: a rise of <see cref="RiseToWarn"/> points or
/// more is rising pain; pain present in both weeks (an average of <see cref="PainPresent"/> or more)
/// and no lower is pain lasting more than two weeks without improving. Both are told to see a doctor.
/// </summary>
public static class PainTrend
{
    public const int MinPointsForLine = 3;
    public const int MinRatingsPerWeek = 2;
    public const double RiseToWarn = 2;
    public const double PainPresent = 1;
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public static readonly TimeSpan WeeksApart = TimeSpan.FromDays(14);

    private const string UrgentSigns =
        "If your legs grow weak or numb, or you have new trouble controlling your bowel or bladder, get medical help today.";

    /// <summary>
    /// The points and the line over [<paramref name="from"/>, <paramref name="until"/>]; the verdict
    /// looks at the three weeks before <paramref name="until"/>, whatever the period.
    /// </summary>
    public static PainTrendReport Of(IEnumerable<SessionRecord> records, DateTimeOffset from, DateTimeOffset until)
    {
        var all = SessionRecords.InOrder(records)
            .Where(r => r.StartedAt <= until && (r.PainBefore is not null || r.PainAfter is not null))
            .Select(r => new PainPoint(r.Id, r.StartedAt, r.PainBefore, r.PainAfter))
            .ToList();
        var points = all.Where(p => p.At >= from).ToList();
        var recent = Average(all, until - Week, until);
        var earlier = Average(all, until - WeeksApart - Week, until - WeeksApart);
        var verdict = Judge(recent, earlier);
        return new PainTrendReport(points, Line(points, from), recent, earlier, verdict, Text(verdict, recent, earlier));
    }

    private static PainVerdict Judge(double? recent, double? earlier) => (recent, earlier) switch
    {
        (null, _) or (_, null) => PainVerdict.NoVerdict,
        // Rounded so that averages such as 11/3 - 5/3 compare as the 2 they are, not just under it.
        var (r, e) when Math.Round(r!.Value - e!.Value, 9) >= RiseToWarn => PainVerdict.Rising,
        var (r, e) when e >= PainPresent && r >= e => PainVerdict.NotImproving,
        var (r, e) when r < e => PainVerdict.Easing,
        var (r, _) when r < PainPresent => PainVerdict.Low,
        _ => PainVerdict.Mild,
    };

    private static string Text(PainVerdict verdict, double? recent, double? earlier) => verdict switch
    {
        PainVerdict.Rising =>
            $"Your back pain has gone up by about {(recent - earlier)!.Value.ToString("0.#", CultureInfo.InvariantCulture)} points over two weeks. "
            + "Ease off, leave out what hurts, and see a doctor soon to find out why. " + UrgentSigns,
        PainVerdict.NotImproving =>
            "Your back has hurt for more than two weeks of sessions and it is not getting better. "
            + "See a doctor soon to find out why, and keep your stretching gentle until then. " + UrgentSigns,
        PainVerdict.Easing => "Your pain is lower than two weeks ago. Keep going at a pace that feels comfortable.",
        PainVerdict.Low => "Little or no pain lately. Keep going at a pace that feels comfortable.",
        PainVerdict.Mild => "Some pain has come on lately, still mild. Go gently; if it stays for two weeks, see a doctor.",
        _ => "Not enough ratings yet: rate your pain at your sessions for three weeks to see where it is heading.",
    };

    /// <summary>The average level of the ratings in (<paramref name="after"/>, <paramref name="upTo"/>], or null with too few.</summary>
    private static double? Average(IReadOnlyList<PainPoint> points, DateTimeOffset after, DateTimeOffset upTo)
    {
        var levels = points.Where(p => p.At > after && p.At <= upTo).Select(p => p.Level!.Value).ToList();
        return levels.Count < MinRatingsPerWeek ? null : levels.Average();
    }

    private static PainLine? Line(IReadOnlyList<PainPoint> points, DateTimeOffset origin)
    {
        if (points.Count < MinPointsForLine) return null;
        var xs = points.Select(p => (p.At - origin).TotalDays).ToList();
        var ys = points.Select(p => (double)p.Level!.Value).ToList();
        var (meanX, meanY) = (xs.Average(), ys.Average());
        var sxx = xs.Sum(x => (x - meanX) * (x - meanX));
        // All on one instant: no line can be told apart.
        if (sxx == 0) return null;
        var slopePerDay = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum() / sxx;
        return new PainLine(origin, meanY - slopePerDay * meanX, slopePerDay * 7);
    }
}
