namespace Stretching.Web.Data;

/// <summary>Where the curated data/ folder is read from (copied next to the app by the build).</summary>
public sealed record CatalogOptions(string DataDirectory);
