using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>
/// The order of starting positions in the main block, chosen to limit getting up and down:
/// on the feet first (standing, then hanging from a bar), then down to the floor through sitting,
/// kneeling and all fours to lying on the stomach, the side and finally the back.
/// </summary>
public static class PositionOrder
{
    private static readonly Position[] Order =
    [
        Position.Standing, Position.Hanging, Position.Sitting, Position.Kneeling,
        Position.AllFours, Position.Prone, Position.SideLying, Position.Supine,
    ];

    public static int Rank(Position position) => Array.IndexOf(Order, position);
}
