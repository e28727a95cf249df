using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Stretching.Web.Apis;

/// <summary>
/// Makes the schemas of /openapi/v1.json say what the API really writes, for every type and not
/// case by case. Each rule fixes something the generator gets wrong for this app's JSON options;
/// tests/Stretching.Web.Tests/Apis/OpenApiContractTests validates real responses against the result.
/// </summary>
public sealed class OpenApiSchemaFixes : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var typeInfo = context.JsonTypeInfo;
        DescribeEnum(schema, typeInfo);
        AllowExtensionData(schema, typeInfo);
        WriteIntegersAsIntegers(schema);
        return Task.CompletedTask;
    }

    /// <summary>
    /// An enum is a string with the values the app's serializer writes. The generator puts null into
    /// the values of a nullable enum (Side? becomes enum [left, right, null]) and then uses that schema
    /// as the shared component and wraps the nullable property in oneOf [null, $ref]: null then
    /// matches both branches and a valid null fails oneOf (dotnet/aspnetcore#66295). The component is
    /// kept free of null, so the property's own null branch is the only one that matches it. Enums
    /// written by a converter of their own (BlockKind) come out as an empty schema that allows
    /// anything; asking the serializer for each value gives their real spelling.
    /// </summary>
    private static void DescribeEnum(OpenApiSchema schema, JsonTypeInfo typeInfo)
    {
        var enumType = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (!enumType.IsEnum) return;

        var values = new List<JsonNode>();
        foreach (var value in Enum.GetValues(enumType))
        {
            var written = JsonSerializer.SerializeToNode(value, enumType, typeInfo.Options);
            if (written is not JsonValue id || id.GetValueKind() != JsonValueKind.String) return; // written as numbers: leave it
            if (!values.Any(v => v.GetValue<string>() == id.GetValue<string>())) values.Add(id);
        }
        schema.Type = JsonSchemaType.String;
        schema.Enum = values;
    }

    /// <summary>
    /// A type with [JsonExtensionData] writes members beyond its properties: ProblemDetails writes
    /// traceId and the refusal's kind, reasons and advice. The app's UnmappedMemberHandling.Disallow
    /// makes the generator close every object with additionalProperties: false, which would refuse them.
    /// </summary>
    private static void AllowExtensionData(OpenApiSchema schema, JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeInfo.Properties.Any(p => p.IsExtensionData)) return;
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
    }

    /// <summary>
    /// The web JSON options read numbers from strings too, so the generator types every count as
    /// ["integer", "string"] with a digits pattern, and generated clients get number | string for
    /// fields the API only ever writes as numbers. The document promises numbers; a client that
    /// sends them is always understood (the server stays lenient about "20").
    /// </summary>
    private static void WriteIntegersAsIntegers(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String) || schema.Pattern is null) return;
        if (!type.HasFlag(JsonSchemaType.Integer) && !type.HasFlag(JsonSchemaType.Number)) return;
        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
    }
}
