namespace Stretching.Core.Catalog;

public sealed record Article(string Id, string Title);

/// <summary>The five source articles; ids as in shared/docs/domain-rules.md.</summary>
public static class Articles
{
    public static readonly IReadOnlyList<Article> All =
    [
        new("spine-top10", "The best 10 exercises to improve the flexibility of the spine"),
        new("spinal-stretching", "Spinal stretching: the most effective exercises"),
        new("back-stretches-12", "Relieve Pain and Improve Flexibility: 12 Back Stretches"),
        new("therapeutic", "Therapeutic exercises for the back muscles and spine"),
        new("dancer-back", "Exercises for Stretching the Back (for dancers)"),
    ];

    public static Article? Find(string id) => All.FirstOrDefault(a => a.Id == id);
}
