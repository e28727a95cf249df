namespace Stretching.Core.Sessions;

/// <summary>Short wording of a timeline for people: clock times and each item's dose.</summary>
public static class SessionText
{
    public static string Clock(int seconds) => seconds >= 3600
        ? $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}"
        : $"{seconds / 60}:{seconds % 60:00}";

    public static string Dose(SessionItem item) => item switch
    {
        { AsLongAsYouCan: true, HoldSeconds: { } start } => $"as long as you can, from about {start} s",
        { Reps: { } reps, HoldSeconds: { } hold } => $"{reps} × {hold} s hold",
        { Reps: { } reps } => $"{reps} times",
        { HoldSeconds: { } hold } => $"hold {hold} s",
        _ => Duration(item.Seconds - SessionTiming.LeadSeconds),
    };

    public static string Duration(int seconds) =>
        seconds < 60 ? $"{seconds} s" : seconds % 60 == 0 ? $"{seconds / 60} min" : $"{seconds / 60} min {seconds % 60} s";
}
