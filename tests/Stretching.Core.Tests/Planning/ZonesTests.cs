using Stretching.Core.Planning;

namespace Stretching.Core.Tests.Planning;

public sealed class ZonesTests
{
    [Fact]
    public void AKnownZoneIsFoundOnceAndKept()
    {
        var berlin = Zones.Find("Europe/Berlin");

        Assert.Equal("Europe/Berlin", berlin.Id);
        Assert.Same(berlin, Zones.Find("Europe/Berlin"));
        Assert.True(Zones.TryFind("Europe/Berlin", out var again));
        Assert.Same(berlin, again);
    }

    [Fact]
    public void AnUnknownZoneIsRefusedEveryTime()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => Zones.Find("Moon/Base"));
        Assert.Throws<TimeZoneNotFoundException>(() => Zones.Find("Moon/Base"));
        Assert.False(Zones.TryFind("Moon/Base", out _));
    }
}
