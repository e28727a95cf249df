using System.Text;
using System.Text.RegularExpressions;
using Stretching.Core.Calendar;

namespace Stretching.Core.Tests.Calendar;

public sealed partial class IcsWriterTests
{
    private const string Cyrillic = "Растяжка спины перед сном: медленно, спокойно; дыши глубоко и не спеши никуда вообще. ";
    private const string Emoji = "🧘‍♀️🙆🏽‍♂️🌙💤 ";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static IcsEvent Event(string uid = "slot-1-20261123@stretching") => new()
    {
        Uid = uid,
        Stamp = new DateTimeOffset(2026, 11, 20, 9, 15, 30, TimeSpan.FromHours(1)),
        Start = new DateTime(2026, 11, 23, 19, 30, 0),
        End = new DateTime(2026, 11, 23, 19, 50, 0),
        TimeZoneId = "Europe/Berlin",
        Summary = "Evening back stretch",
    };

    private static IcsCalendar Calendar(params IcsEvent[] events) => new()
    {
        ProductId = "-//Stretching//Tests//EN",
        Name = "My stretching",
        Events = events,
    };

    private static string[] Lines(string ics) => ics.Split("\r\n")[..^1];

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    /// <summary>The unescaped value of the first property with that name (and any parameters), after unfolding.</summary>
    private static string Value(string ics, string name)
    {
        var line = Lines(Unfold(ics)).First(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal));
        return Unescape().Replace(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..], m => m.Value[1] is 'n' or 'N' ? "\n" : m.Value[1..]);
    }

    [GeneratedRegex(@"\\[\\;,nN]")]
    private static partial Regex Unescape();

    [Fact]
    public void EveryLineEndsWithCrlfAndNoBareLineBreakIsLeft()
    {
        var ics = IcsWriter.Write(Calendar(Event() with { Description = "One line\ntwo lines\r\nthree\rfour", AlarmMinutes = 10 }));

        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\r(?!\n)|(?<!\r)\n", ics);
        Assert.Equal("One line\ntwo lines\nthree\nfour", Value(ics, "DESCRIPTION"));
    }

    [Fact]
    public void TextValuesEscapeBackslashSemicolonCommaAndNewline()
    {
        var ics = IcsWriter.Write(Calendar(Event() with { Summary = @"Cat, cow; C:\mats" + "\nthen rest" }));

        Assert.Contains("\r\nSUMMARY:Cat\\, cow\\; C:\\\\mats\\nthen rest\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersThatTextMayNotHoldAreLeftOut()
    {
        var ics = IcsWriter.Write(Calendar(Event() with { Summary = "Tab\there\u0007 bell\u007f" }));

        Assert.Contains("\r\nSUMMARY:Tab\there bell\r\n", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A long stretch of plain ASCII text that goes on and on, well past the seventy-five octets a line may hold, several times over. ")]
    [InlineData(Cyrillic)]
    [InlineData(Emoji)]
    [InlineData("x" + Cyrillic + Emoji)]
    [InlineData("xx" + Emoji + Cyrillic)]
    [InlineData("xxx" + Emoji + "é" + Cyrillic)]
    public void LongLinesFoldAt75OctetsBetweenCharactersAndUnfoldToTheSameText(string piece)
    {
        var text = string.Concat(Enumerable.Repeat(piece, 8)).Trim();
        var ics = IcsWriter.Write(Calendar(Event() with { Summary = text, Description = text, Location = text }));

        var folded = 0;
        foreach (var line in Lines(ics))
        {
            // A line that splits a character between two lines (a surrogate pair in the string) cannot be encoded on its own.
            var octets = StrictUtf8.GetBytes(line).Length;
            Assert.True(octets <= 75, $"{octets} octets: {line}");
            if (line.StartsWith(' ')) folded++;
        }
        Assert.True(folded > 10, "the long values were folded");

        // Folds fill their lines: a folded line is followed by a character that would not have fitted.
        var physical = Lines(ics);
        for (var i = 0; i + 1 < physical.Length; i++)
        {
            if (!physical[i + 1].StartsWith(' ')) continue;
            var next = physical[i + 1][1..].EnumerateRunes().First();
            Assert.True(StrictUtf8.GetByteCount(physical[i]) + next.Utf8SequenceLength > 75, $"folded early: {physical[i]}");
        }

        Assert.Equal(text, Value(ics, "SUMMARY"));
        Assert.Equal(text, Value(ics, "DESCRIPTION"));
        Assert.Equal(text, Value(ics, "LOCATION"));
    }

    [Fact]
    public void TheUtf8BytesSplitIntoLinesThatEachDecode()
    {
        var text = string.Concat(Enumerable.Repeat("ё" + Emoji + Cyrillic, 6));
        var bytes = Encoding.UTF8.GetBytes(IcsWriter.Write(Calendar(Event() with { Summary = text })));

        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            Assert.InRange(i - start, 1, 75);
            StrictUtf8.GetString(bytes, start, i - start);
            start = i + 2;
        }
        Assert.Equal(bytes.Length, start);
    }

    [Fact]
    public void TheCalendarSaysWhatItIsAndHowOftenToFetchIt()
    {
        var ics = IcsWriter.Write(Calendar(Event()) with
        {
            Description = "Sessions from my weekly plan",
            RefreshInterval = TimeSpan.FromHours(12),
            TimeZoneId = "Europe/Berlin",
        });

        Assert.StartsWith(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stretching//Tests//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n" +
            "NAME:My stretching\r\nX-WR-CALNAME:My stretching\r\n" +
            "DESCRIPTION:Sessions from my weekly plan\r\nX-WR-CALDESC:Sessions from my weekly plan\r\n" +
            "X-WR-TIMEZONE:Europe/Berlin\r\n" +
            "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\nX-PUBLISHED-TTL:PT12H\r\n" +
            "BEGIN:VTIMEZONE\r\n",
            ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 12, 0, 0, "PT12H")]
    [InlineData(0, 1, 30, 0, "PT1H30M")]
    [InlineData(0, 1, 0, 5, "PT1H0M5S")]
    [InlineData(0, 0, 45, 0, "PT45M")]
    [InlineData(1, 0, 0, 0, "P1D")]
    [InlineData(7, 6, 0, 0, "P7DT6H")]
    public void RefreshIntervalsAreRfcDurations(int days, int hours, int minutes, int seconds, string expected)
    {
        var ics = IcsWriter.Write(Calendar() with { RefreshInterval = new TimeSpan(days, hours, minutes, seconds) });

        Assert.Contains($"\r\nREFRESH-INTERVAL;VALUE=DURATION:{expected}\r\nX-PUBLISHED-TTL:{expected}\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEventWritesItsPropertiesWithZonedTimesAndAUtcStamp()
    {
        var ics = IcsWriter.Write(Calendar(Event() with
        {
            Sequence = 3,
            Description = "Cat-cow, child's pose, knees to chest",
            Url = new Uri("https://stretching.example/play?routine=evening&seed=7"),
            Location = "Living room",
            Status = IcsStatus.Confirmed,
        }));

        Assert.Contains(
            "BEGIN:VEVENT\r\nUID:slot-1-20261123@stretching\r\nDTSTAMP:20261120T081530Z\r\nSEQUENCE:3\r\n" +
            "DTSTART;TZID=Europe/Berlin:20261123T193000\r\nDTEND;TZID=Europe/Berlin:20261123T195000\r\n" +
            "SUMMARY:Evening back stretch\r\nDESCRIPTION:Cat-cow\\, child's pose\\, knees to chest\r\n" +
            "LOCATION:Living room\r\nURL:https://stretching.example/play?routine=evening&seed=7\r\n" +
            "STATUS:CONFIRMED\r\nEND:VEVENT\r\n",
            ics, StringComparison.Ordinal);
    }

    [Fact]
    public void UtcEventsEndInZAndNeedNoTimeZone()
    {
        var ics = IcsWriter.Write(Calendar(Event() with
        {
            TimeZoneId = null,
            Start = new DateTime(2026, 11, 23, 18, 30, 0, DateTimeKind.Utc),
            End = new DateTime(2026, 11, 23, 18, 50, 0, DateTimeKind.Utc),
        }));

        Assert.Contains("\r\nDTSTART:20261123T183000Z\r\nDTEND:20261123T185000Z\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("VTIMEZONE", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("TZID", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTzidUsedHasExactlyOneVTimeZone()
    {
        var ics = IcsWriter.Write(Calendar(
            Event("a"),
            Event("b") with { Start = new DateTime(2027, 2, 1, 7, 0, 0), End = new DateTime(2027, 2, 1, 7, 30, 0) },
            Event("c") with { TimeZoneId = "America/New_York" },
            Event("d") with { TimeZoneId = "Asia/Kolkata" },
            Event("e") with { TimeZoneId = null, Start = new DateTime(2026, 5, 1, 6, 0, 0, DateTimeKind.Utc), End = new DateTime(2026, 5, 1, 7, 0, 0, DateTimeKind.Utc) }));

        var used = TzidParameter().Matches(ics).Select(m => m.Groups[1].Value).ToHashSet();
        var defined = Lines(ics).Where(l => l.StartsWith("TZID:", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
        Assert.Equal(["America/New_York", "Asia/Kolkata", "Europe/Berlin"], used.Order(StringComparer.Ordinal));
        Assert.Equal(used.Order(StringComparer.Ordinal), defined);
        Assert.Equal(3, Regex.Count(ics, "BEGIN:VTIMEZONE"));
        // Every VTIMEZONE comes before the first event.
        Assert.True(ics.LastIndexOf("END:VTIMEZONE", StringComparison.Ordinal) < ics.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal));
    }

    [GeneratedRegex(@";TZID=([^:;]+)[:;]")]
    private static partial Regex TzidParameter();

    [Fact]
    public void BerlinChangesAtTheExactMomentsOf2026()
    {
        var ics = IcsWriter.Write(Calendar(Event()));

        Assert.Contains(
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" +
            "BEGIN:STANDARD\r\nDTSTART:20260101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\n",
            ics, StringComparison.Ordinal);
        // §3.8.2.4: the onset is the wall-clock time before the change, 02:00 CET and 03:00 CEST.
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(ics, "TZOFFSETTO"));
    }

    [Fact]
    public void TheTimeZoneCoversEveryYearItsEventsTouch()
    {
        var ics = IcsWriter.Write(Calendar(Event(), Event("next") with { Start = new DateTime(2027, 11, 23, 19, 30, 0), End = new DateTime(2027, 11, 23, 19, 50, 0) }));

        Assert.Contains("DTSTART:20270328T020000", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20271031T030000", ics, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(ics, "TZOFFSETTO"));
    }

    [Fact]
    public void AZoneWithoutDaylightSavingHasOneStandardObservance()
    {
        var ics = IcsWriter.Write(Calendar(Event() with { TimeZoneId = "Asia/Kolkata" }));

        Assert.Contains(
            "BEGIN:VTIMEZONE\r\nTZID:Asia/Kolkata\r\nBEGIN:STANDARD\r\nDTSTART:20260101T000000\r\n" +
            "TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n",
            ics, StringComparison.Ordinal);
        Assert.DoesNotContain("DAYLIGHT", ics, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(ics, "TZOFFSETTO"));
    }

    [Fact]
    public void NegativeOffsetsAreWrittenWithTheirSign()
    {
        var ics = IcsWriter.Write(Calendar(Event() with { TimeZoneId = "America/New_York" }));

        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlarmDisplaysTheSummaryMinutesBeforeTheStart()
    {
        var ics = IcsWriter.Write(Calendar(Event() with { Summary = "Stretch, then sleep", AlarmMinutes = 15 }));

        Assert.Contains(
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Stretch\\, then sleep\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n",
            ics, StringComparison.Ordinal);
        Assert.DoesNotContain("VALARM", IcsWriter.Write(Calendar(Event())), StringComparison.Ordinal);
    }

    [Fact]
    public void DtEndComesAfterDtStart()
    {
        var ics = IcsWriter.Write(Calendar(Event()));

        var start = Value(ics, "DTSTART;TZID=Europe/Berlin");
        var end = Value(ics, "DTEND;TZID=Europe/Berlin");
        Assert.True(string.CompareOrdinal(end, start) > 0, $"{start} .. {end}");
    }

    public static TheoryData<string, IcsEvent> Unwritable => new()
    {
        { "ends at its start", Event() with { End = Event().Start } },
        { "ends before it starts", Event() with { End = Event().Start.AddMinutes(-1) } },
        { "starts in the hour Berlin skips", Event() with { Start = new DateTime(2026, 3, 29, 2, 30, 0), End = new DateTime(2026, 3, 29, 3, 30, 0) } },
        { "ends in the hour Berlin repeats", Event() with { Start = new DateTime(2026, 10, 25, 1, 30, 0), End = new DateTime(2026, 10, 25, 2, 0, 0) } },
        { "starts in the hour New York repeats", Event() with { TimeZoneId = "America/New_York", Start = new DateTime(2026, 11, 1, 1, 59, 0), End = new DateTime(2026, 11, 1, 3, 0, 0) } },
        { "UTC times without Kind Utc", Event() with { TimeZoneId = null } },
        { "zoned times with Kind Utc", Event() with { Start = DateTime.SpecifyKind(Event().Start, DateTimeKind.Utc) } },
        { "an unknown zone", Event() with { TimeZoneId = "Europe/Atlantis" } },
        { "no UID", Event(" ") },
        { "an alarm after the start", Event() with { AlarmMinutes = -5 } },
        { "a relative URL", Event() with { Url = new Uri("/play", UriKind.Relative) } },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void AnEventThatCannotBeWrittenCorrectlyIsRefused(string why, IcsEvent calendarEvent)
    {
        Assert.False(string.IsNullOrEmpty(why));
        Assert.Throws<ArgumentException>(() => IcsWriter.Write(Calendar(calendarEvent)));
    }

    [Fact]
    public void EventsAcrossTheChangesAreWrittenAsTheWallClockShowsThem()
    {
        // One hour of real time each, two hours and none on the clock.
        var ics = IcsWriter.Write(Calendar(
            Event("spring") with { Start = new DateTime(2026, 3, 29, 1, 30, 0), End = new DateTime(2026, 3, 29, 3, 30, 0) },
            Event("autumn") with { Start = new DateTime(2026, 10, 25, 1, 30, 0), End = new DateTime(2026, 10, 25, 3, 30, 0) }));

        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260329T013000\r\nDTEND;TZID=Europe/Berlin:20260329T033000\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261025T013000\r\nDTEND;TZID=Europe/Berlin:20261025T033000\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void OneEventDownloadsAsACalendarNamedAfterIt()
    {
        var single = IcsCalendar.ForEvent("-//Stretching//Tests//EN", Event() with { AlarmMinutes = 5 });
        var ics = IcsWriter.Write(single);

        Assert.Equal("Evening back stretch", single.Name);
        Assert.Equal("Europe/Berlin", single.TimeZoneId);
        Assert.Equal(1, Regex.Count(ics, "BEGIN:VEVENT"));
        Assert.Contains("\r\nX-WR-CALNAME:Evening back stretch\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("REFRESH-INTERVAL", ics, StringComparison.Ordinal);
    }
}
