using CaseManager.Domain.Agencies;
using CaseManager.Domain.Reviews;

namespace CaseManager.Domain.UnitTests;

public sealed class ReviewRecipientsTests
{
    private static readonly AgencyCode Fit = AgencyCode.Parse("FIT");
    private static readonly AgencyCode Police = AgencyCode.Parse("POLICE");
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly IReadOnlyList<Guid> Managers = [Guid.NewGuid(), Guid.NewGuid()];

    [Fact]
    public void ForReminder_ConsentRecorderStillActiveInTheRecordingAgency_IsTheRecorder()
    {
        var recipients = ReviewRecipients.ForReminder(ReviewKind.Consent, Fit, Worker, Fit, Managers);

        recipients.Should().Equal(Worker);
    }

    [Fact]
    public void ForReminder_ConsentRecorderNowInAnotherAgency_IsTheRecordingAgencysManagers()
    {
        var recipients = ReviewRecipients.ForReminder(ReviewKind.Consent, Fit, Worker, Police, Managers);

        recipients.Should().Equal(Managers);
    }

    [Fact]
    public void ForReminder_ConsentRecorderDisabled_IsTheRecordingAgencysManagers()
    {
        var recipients = ReviewRecipients.ForReminder(ReviewKind.Consent, Fit, Worker, null, Managers);

        recipients.Should().Equal(Managers);
    }

    [Fact]
    public void ForReminder_CaseWithActiveAllocatedWorker_IsTheWorker()
    {
        var recipients = ReviewRecipients.ForReminder(ReviewKind.Scheme, Fit, Worker, Fit, Managers);

        recipients.Should().Equal(Worker);
    }

    [Theory]
    [InlineData(ReviewKind.Scheme)]
    [InlineData(ReviewKind.ExitDecision)]
    [InlineData(ReviewKind.Consent)]
    public void ForReminder_NobodyResponsible_IsTheManagers(ReviewKind kind)
    {
        var recipients = ReviewRecipients.ForReminder(kind, Fit, null, null, Managers);

        recipients.Should().Equal(Managers);
    }

    [Fact]
    public void ForEscalation_IsTheManagers()
    {
        ReviewRecipients.ForEscalation(Managers).Should().Equal(Managers);
    }
}
