using CaseManager.Application.Cases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Outcomes.RecordLocalCriterion;

/// <summary>
/// Records, with its evidence, that a family meets one of the local discretion criteria (DOMAIN.md TF1 (d)) on a
/// day (default today), about one member or the whole family. Any agency that may read the family case records it
/// (children's social care a child protection plan, housing a risk of eviction); the record is theirs, in the
/// criterion's data category.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordLocalCriterionCommand(CaseId CaseId, string? Criterion, string? Evidence, PersonId? PersonId = null, DateOnly? On = null)
    : ICommand<LocalCriterionRecordView>;

public sealed class RecordLocalCriterionValidator : AbstractValidator<RecordLocalCriterionCommand>
{
    public RecordLocalCriterionValidator(PartnershipClock clock, IOptions<TroubledFamiliesOptions> options)
    {
        var criteria = options.Value;
        RuleFor(c => c.Criterion).NotEmpty().WithMessage("Select the criterion")
            .Must(c => c is null || criteria.Find(c) is not null).WithMessage($"Select a criterion from the list: {string.Join(", ", criteria.LocalCriteria)}")
            .PlainText();
        RuleFor(c => c.Evidence).NotEmpty().WithMessage("Enter the evidence")
            .MaximumLength(LocalCriterionRecord.MaxEvidenceLength).WithMessage($"The evidence must be {LocalCriterionRecord.MaxEvidenceLength} characters or fewer")
            .MultilineText();
        RuleFor(c => c.On).Must(d => d is null || d <= clock.Today).WithMessage("The date cannot be in the future");
    }
}

public sealed class RecordLocalCriterionHandler(
    IAppDbContext db, CaseGate cases, PersonGate people, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock, IOptions<TroubledFamiliesOptions> options)
    : ICommandHandler<RecordLocalCriterionCommand, LocalCriterionRecordView>
{
    public async ValueTask<LocalCriterionRecordView> Handle(RecordLocalCriterionCommand command, CancellationToken cancellationToken)
    {
        var familyCase = await cases.ReadableAsync(command.CaseId, "local-criterion.record", cancellationToken);
        if (familyCase.HouseholdId is not { } householdId)
        {
            throw new DomainRuleException("local-criterion.not-family-case", "Local criteria are recorded on a family case, not on a person's case");
        }

        // A member named must be someone the recorder may see: nobody learns of a hidden member by naming them.
        if (command.PersonId is { } personId)
        {
            await people.EnsureReadableAsync(personId, "local-criterion.record", cancellationToken);
        }

        var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == householdId, cancellationToken);
        var criterion = options.Value.Find(command.Criterion)!;
        var actor = currentUser.Actor;
        var record = LocalCriterionRecord.Record(familyCase, household, criterion, options.Value.CategoryOf(criterion)!.Value, command.PersonId,
            command.On ?? clock.Today, command.Evidence!, actor.RequireAgency(), actor.RequireUserId(), clock.Now, clock.Today);
        db.LocalCriterionRecords.Add(record);
        audit.Record("local-criterion.record", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("LocalCriterionRecord", record.Id.ToString(), command.PersonId?.Value, record.OwnerAgency), $"{criterion} on {record.On:yyyy-MM-dd}");
        return LocalCriterionRecordView.From(record, access: null);
    }
}
