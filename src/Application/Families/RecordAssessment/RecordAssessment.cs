using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;

namespace CaseManager.Application.Families.RecordAssessment;

/// <summary>
/// Records the whole-family assessment of a family case (DOMAIN.md FAM1): needs per member and for the family over
/// the eleven areas, strengths and a summary. The case's owning agency or its lead professional records it; each
/// need is a record in its area's data category (special category for health, mental health and substance misuse;
/// victim-sensitive for domestic abuse), owned by the recording agency.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record RecordAssessmentCommand(
    CaseId CaseId,
    DateOnly? CompletedOn,
    string? Summary,
    IReadOnlyList<AssessmentNeedInput>? Needs,
    string? Strengths = null) : ICommand<FamilyAssessmentView>;

/// <summary>One need as given: an area, the member it is about (none for the family) and what it is.</summary>
public sealed record AssessmentNeedInput(NeedArea? Area, Guid? PersonId = null, string? Detail = null);

public sealed class RecordAssessmentValidator : AbstractValidator<RecordAssessmentCommand>
{
    public RecordAssessmentValidator(PartnershipClock clock)
    {
        RuleFor(c => c.CompletedOn).NotNull().WithMessage("Enter the date the assessment was completed")
            .Must(d => d is null || d <= clock.Today).WithMessage("The assessment cannot be completed in the future");
        RuleFor(c => c.Summary).NotEmpty().WithMessage("Enter the summary")
            .MaximumLength(FamilyAssessment.MaxSummaryLength).WithMessage($"The summary must be {FamilyAssessment.MaxSummaryLength} characters or fewer")
            .MultilineText();
        RuleFor(c => c.Strengths).MaximumLength(FamilyAssessment.MaxStrengthsLength)
            .WithMessage($"The strengths must be {FamilyAssessment.MaxStrengthsLength} characters or fewer")
            .MultilineText();
        RuleFor(c => c.Needs).Must(n => n is null || n.Count <= FamilyAssessment.MaxNeeds)
            .WithMessage($"An assessment holds at most {FamilyAssessment.MaxNeeds} needs");
        RuleForEach(c => c.Needs).ChildRules(need =>
        {
            need.RuleFor(n => n.Area).NotNull().WithMessage("Select the need's area")
                .IsInEnum().WithMessage($"Unknown need area: use one of {string.Join(", ", Enum.GetNames<NeedArea>())}");
            need.RuleFor(n => n.PersonId).Must(p => p is null || p != Guid.Empty).WithMessage("Say which member the need is about, or leave it out for the family");
            need.RuleFor(n => n.Detail).MaximumLength(FamilyAssessmentNeed.MaxDetailLength)
                .WithMessage($"A need's detail must be {FamilyAssessmentNeed.MaxDetailLength} characters or fewer")
                .MultilineText();
        });
    }
}

public sealed class RecordAssessmentHandler(
    IAppDbContext db, FamilyCaseRecords records, PersonGate people, ICurrentUser currentUser, IAuditTrail audit, PartnershipClock clock)
    : ICommandHandler<RecordAssessmentCommand, FamilyAssessmentView>
{
    public async ValueTask<FamilyAssessmentView> Handle(RecordAssessmentCommand command, CancellationToken cancellationToken)
    {
        var (familyCase, household) = await records.KeptAsync(command.CaseId, "assessment.record", cancellationToken);
        var needs = (command.Needs ?? []).Select(n => new AssessedNeed(n.Area!.Value, n.PersonId is { } p ? new PersonId(p) : null, Trimmed(n.Detail))).ToList();

        // A member named must be someone the assessor may see: nobody learns of a hidden member by naming them.
        foreach (var personId in needs.Where(n => n.PersonId is not null).Select(n => n.PersonId!.Value).Distinct())
        {
            await people.EnsureReadableAsync(personId, "assessment.record", cancellationToken);
        }

        var actor = currentUser.Actor;
        var assessment = FamilyAssessment.Record(familyCase, household, command.CompletedOn!.Value, command.Summary!.Trim(), Trimmed(command.Strengths), needs,
            actor.RequireAgency(), actor.RequireUserId(), clock.Now, clock.Today);
        db.FamilyAssessments.Add(assessment);
        audit.Record("assessment.record", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("FamilyAssessment", assessment.Id.ToString(), OwnerAgency: assessment.OwnerAgency),
            $"Case {familyCase.Id}, completed {assessment.CompletedOn:yyyy-MM-dd}, {assessment.Needs.Count} needs");

        var names = await records.VisibleNamesAsync(needs.Where(n => n.PersonId is not null).Select(n => n.PersonId!.Value), cancellationToken);
        return new FamilyAssessmentView(assessment.Id.Value, familyCase.Id.Value, household.Id.Value, assessment.OwnerAgency.Value, assessment.CompletedOn,
            assessment.Summary, assessment.Strengths,
            [.. assessment.Needs.Select(n => new AssessmentNeedView(n.Area.ToString(), n.PersonId?.Value, n.PersonId is { } p ? names.GetValueOrDefault(p) : null,
                n.Detail, n.DataCategory.ToString()))],
            assessment.RecordedAt);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
