using CaseManager.Application.Notifications;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Reviews;

namespace CaseManager.Application.IntegrationTests;

/// <summary>Notification words (page, API and email digest) name schemes in full, never by their code.</summary>
public sealed class NotificationTextTests
{
    public static TheoryData<Scheme, NotificationKind, ReviewKind> EveryNotice()
    {
        var data = new TheoryData<Scheme, NotificationKind, ReviewKind>();
        foreach (var scheme in Enum.GetValues<Scheme>())
        {
            foreach (var kind in Enum.GetValues<NotificationKind>())
            {
                foreach (var reviewKind in new[] { ReviewKind.Scheme, ReviewKind.Consent })
                {
                    data.Add(scheme, kind, reviewKind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryNotice))]
    public void Describe_NamesTheSchemeInFull_NeverByItsCode(Scheme scheme, NotificationKind kind, ReviewKind reviewKind)
    {
        var text = NotificationText.Describe(kind, reviewKind, scheme, "POLICE", new DateOnly(2026, 11, 29));

        text.Should().Contain(scheme.FullName(), "it is case-sensitive: an escalation keeps the scheme's capitals");
        text.Split(' ', ':', ',').Should().NotContain(scheme.ToString(), "a scheme is never shown by its code");
    }

    [Fact]
    public void Describe_AnEscalation_ReadsAsASentence()
    {
        NotificationText.Describe(NotificationKind.Escalation, ReviewKind.Scheme, Scheme.TroubledFamilies, "FIT", new DateOnly(2026, 11, 20))
            .Should().Be("Escalation: a FIT Troubled Families review has been overdue since 20 November 2026");
        NotificationText.Describe(NotificationKind.Escalation, ReviewKind.ExitDecision, Scheme.Iom, "POLICE", new DateOnly(2026, 11, 20))
            .Should().Be("Escalation: a POLICE exit nomination decision has been overdue since 20 November 2026");
    }
}
