namespace Stretching.Web.Infrastructure;

/// <summary>Input echoed back in a message is clipped, so a huge value never produces a huge answer.</summary>
public static class EchoText
{
    public const int MaxLength = 40;

    public static string Clip(string value) => value.Length > MaxLength ? value[..MaxLength] + "..." : value;
}
