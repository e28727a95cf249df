namespace Stretching.Browser.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<StretchingServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
