using CaseManager.Domain.Auditing;

namespace CaseManager.Domain.UnitTests;

public sealed class AuditEntryTests
{
    private static readonly AuditFacts Facts = new(Guid.NewGuid(), "a@b.demo", null, "person.read", AuditOutcome.Allowed, AccessRule.Owner);

    [Fact]
    public void Record_TruncatesTimeToWholeMilliseconds_WhichEveryStoreKeeps()
    {
        var at = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567);

        var entry = AuditEntry.Record(Facts, at);

        entry.At.Ticks.Should().Be(at.Ticks - 4567, "123.4567 ms keeps its 123 whole milliseconds");
    }

    [Fact]
    public void Record_CutsLongDetail()
    {
        var entry = AuditEntry.Record(Facts with { Detail = new string('x', 600) }, DateTimeOffset.UnixEpoch);

        entry.Detail.Should().HaveLength(500);
    }

    [Fact]
    public void Chain_IsSetOnceOnly()
    {
        var entry = AuditEntry.Record(Facts, DateTimeOffset.UnixEpoch);
        entry.Chain("GENESIS", "abc");

        var act = () => entry.Chain("GENESIS", "def");

        act.Should().Throw<InvalidOperationException>();
        entry.Hash.Should().Be("abc");
    }
}
