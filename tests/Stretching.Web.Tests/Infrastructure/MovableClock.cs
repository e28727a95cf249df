namespace Stretching.Web.Tests.Infrastructure;

/// <summary>The system's time, moved on by whatever a test adds.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _ahead;

    public void Advance(TimeSpan by) => _ahead += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _ahead;
}
