using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Application.Reviews;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Consents.RecordConsent;

/// <summary>
/// A caseworker records a person's consent, or refusal, to share for one scheme (DOMAIN.md IS7, IS4). Given consent
/// is reviewed on its review date, and renews an earlier consent of the agency for that person and scheme
/// (<see cref="ReviewPlanner.ScheduleConsentReviewAsync"/>).
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordConsentCommand(
    PersonId PersonId,
    Scheme? Purpose,
    IReadOnlyList<string> RecipientAgencies,
    IReadOnlyList<DataCategory> DataCategories,
    ConsentStatus? Status,
    ConsentGivenBy? GivenBy,
    DateOnly? RecordedOn,
    DateOnly? ReviewOn,
    string? Evidence) : ICommand<ConsentView>;

public sealed class RecordConsentValidator : AbstractValidator<RecordConsentCommand>
{
    public RecordConsentValidator(PartnershipClock clock)
    {
        RuleFor(c => c.Purpose).NotNull().WithMessage("Select the scheme the consent is for").IsInEnum().WithMessage("Select the scheme the consent is for");
        RuleFor(c => c.RecipientAgencies).NotEmpty().WithMessage("Select the agencies the person agrees may see their data");
        RuleForEach(c => c.RecipientAgencies).Must(code => AgencyCode.TryParse(code, out _)).WithMessage("Agency codes must be valid");
        RuleFor(c => c.DataCategories).NotEmpty().WithMessage("Select the categories of data the consent covers");
        RuleForEach(c => c.DataCategories).IsInEnum();
        RuleFor(c => c.Status).Must(s => s is ConsentStatus.Given or ConsentStatus.Refused).WithMessage("Say whether consent was given or refused");
        RuleFor(c => c.GivenBy).NotNull().WithMessage("Say who gave or refused consent").IsInEnum().WithMessage("Say who gave or refused consent");
        RuleFor(c => c.RecordedOn).NotNull().WithMessage("Enter the date consent was given or refused")
            .Must(d => d <= clock.Today).WithMessage("The date cannot be in the future");
        RuleFor(c => c.ReviewOn).GreaterThan(c => c.RecordedOn).When(c => c.ReviewOn is not null && c.RecordedOn is not null)
            .WithMessage("The review date must be after the date consent was given");
        RuleFor(c => c.Evidence).MaximumLength(1000).MultilineText();
        RuleForEach(c => c.RecipientAgencies).PlainText();
    }
}

public sealed class RecordConsentHandler(
    IAppDbContext db,
    PersonGate gate,
    ICurrentUser currentUser,
    IAuditTrail audit,
    PartnershipClock clock,
    ReviewPlanner planner,
    IOptions<PartnershipOptions> options) : ICommandHandler<RecordConsentCommand, ConsentView>
{
    public async ValueTask<ConsentView> Handle(RecordConsentCommand command, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(command.PersonId, "consent.record", cancellationToken);
        var recipients = command.RecipientAgencies.Select(AgencyCode.Parse).Distinct().ToList();
        var known = await db.Agencies.Where(a => recipients.Contains(a.Code)).CountAsync(cancellationToken);
        if (known != recipients.Count)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.RecipientAgencies), "Select agencies from the partnership")]);
        }

        var actor = currentUser.Actor;
        var recordedOn = command.RecordedOn!.Value;
        var consent = Consent.Record(
            new ConsentDecision(command.PersonId, command.Purpose!.Value, recipients, command.DataCategories, command.Status!.Value, command.GivenBy!.Value,
                recordedOn, command.ReviewOn, command.Evidence),
            actor.RequireAgency(),
            actor.RequireUserId(),
            recordedOn.AddMonths(options.Value.ConsentReviewMonths),
            clock.Today);
        db.Consents.Add(consent);
        await planner.ScheduleConsentReviewAsync(consent, clock.Today, clock.Now, cancellationToken);
        audit.Record($"consent.{consent.Status.ToString().ToLowerInvariant()}", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Consent", consent.Id.ToString(), command.PersonId.Value, consent.OwnerAgency),
            $"{command.Purpose} to {string.Join(", ", recipients)} for {string.Join(", ", command.DataCategories)} ({command.GivenBy})");
        return ConsentView.From(consent, clock.Today);
    }
}
