using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Sessions;

/// <summary>Reads the two outcomes of a build that tests ask about most.</summary>
internal static class SessionResults
{
    public static Session? Session(this SessionResult result) => (result as SessionResult.Built)?.Session;

    public static Refusal? Refusal(this SessionResult result) => (result as SessionResult.Refused)?.Refusal;
}
