using CaseManager.Domain.Reviews;

namespace CaseManager.Domain.UnitTests;

public sealed class ReviewRecipientsTests
{
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly IReadOnlyList<Guid> Managers = [Guid.NewGuid(), Guid.NewGuid()];

    [Fact]
    public void ForReminder_ResponsibleWorkerCanAct_IsTheWorker()
    {
        var recipients = ReviewRecipients.ForReminder(Worker, responsibleCanAct: true, Managers);

        recipients.Should().Equal(Worker);
    }

    [Fact]
    public void ForReminder_ResponsibleWorkerCanNoLongerAct_IsTheOwningAgencysManagers()
    {
        // Moved to another agency, disabled, or without a case-working role: the user directory says which.
        var recipients = ReviewRecipients.ForReminder(Worker, responsibleCanAct: false, Managers);

        recipients.Should().Equal(Managers);
    }

    [Fact]
    public void ForReminder_NobodyResponsible_IsTheManagers()
    {
        var recipients = ReviewRecipients.ForReminder(null, responsibleCanAct: false, Managers);

        recipients.Should().Equal(Managers);
    }

    [Fact]
    public void ForEscalation_IsTheManagers()
    {
        ReviewRecipients.ForEscalation(Managers).Should().Equal(Managers);
    }
}
