using System.Text.Json;
using System.Text.Json.Serialization;
using Stretching.Core.Sessions;

namespace Stretching.Core.Catalog;

/// <summary>
/// The one JSON shape of the catalog: the data files, the database documents and the API all use
/// these options, so the contract cannot differ between them.
/// </summary>
public static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions());

    /// <summary>Applies the catalog conventions to options owned by someone else (the web host's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new BlockKindJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(Vocabulary.IdPolicy, allowIntegerValues: false));
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.WriteIndented = false;
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("The document is empty.");
}
