using CaseManager.Application.Agencies;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Reviews;
using CaseManager.Application.Treatment;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;
using CaseManager.Domain.Users;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Cases.OpenCase;

/// <summary>
/// Enrols a person in a scheme: a new case owned by the caller's agency, which must take part in the scheme. IOM
/// cases carry the panel's selection (cohort, tier, reason, score or note) and custody (DOMAIN.md IOM1–IOM4).
/// A person is in a scheme once at a time; after an exit, re-selection is a new case.
/// </summary>
[RequiresPolicy(Policies.WriteCaseData)]
public sealed record OpenCaseCommand(
    Scheme? Scheme,
    PersonId PersonId,
    DateOnly? StartDate,
    Guid? AllocatedTo = null,
    string? Cohort = null,
    string? Tier = null,
    string? SelectionReason = null,
    string? SelectionScore = null,
    string? PanelNote = null,
    bool Mappa = false,
    bool Ppo = false,
    decimal? PredictedReoffendingRate = null,
    CustodyInput? Custody = null,
    HouseholdId? HouseholdId = null,
    Guid? LeadProfessional = null,
    ReferralInput? Referral = null,
    DateOnly? TriageDate = null,
    SubstancesInput? Substances = null,
    InjectingStatus? InjectingStatus = null,
    Guid? CareCoordinator = null) : ICommand<CaseView>, IIomDetailsInput, ITreatmentDetailsInput;

/// <summary>Custody as entered (API.md <c>custody</c>).</summary>
public sealed record CustodyInput(bool InCustody, string? Establishment = null, DateOnly? ExpectedRelease = null);

public sealed class OpenCaseValidator : AbstractValidator<OpenCaseCommand>
{
    public OpenCaseValidator(PartnershipClock clock, IOptions<IomOptions> iom)
    {
        RuleFor(c => c.Scheme).NotNull().WithMessage("Select the scheme").IsInEnum().WithMessage("Select a scheme of the partnership");
        // The family schemes enrol a household (DOMAIN.md FAM3); the others a person.
        When(c => c.Scheme is not { } scheme || !FamilySchemes.Contains(scheme), () =>
        {
            RuleFor(c => c.PersonId.Value).NotEmpty().WithName("PersonId").WithMessage("Say which person to enrol");
            RuleFor(c => c.HouseholdId).Null().WithMessage("This scheme enrols a person: give personId, not householdId");
        }).Otherwise(() =>
        {
            RuleFor(c => c.HouseholdId).NotNull().WithMessage("This scheme enrols a household: give householdId");
            RuleFor(c => c.PersonId.Value).Empty().WithName("PersonId").WithMessage("This scheme enrols a household: give householdId, not personId");
        });
        RuleFor(c => c.StartDate).NotNull().WithMessage("Enter the start date")
            .Must(d => d <= clock.Today).WithMessage("The start date cannot be in the future");
        When(c => c.Scheme == Scheme.Iom, () => Include(new IomDetailsRules<OpenCaseCommand>(iom.Value)));
        Include(new IomTextRules<OpenCaseCommand>());
        Include(new TreatmentDetailsRules<OpenCaseCommand>(clock));
    }
}

public sealed class OpenCaseHandler(
    IAppDbContext db,
    PersonGate gate,
    ICurrentUser currentUser,
    IUserDirectory users,
    IAuditTrail audit,
    PartnershipClock clock,
    IOptions<IomOptions> iom,
    ReviewPlanner reviews,
    CaseNames names,
    Households.FamilyCases families,
    TreatmentEpisodes treatment) : ICommandHandler<OpenCaseCommand, CaseView>
{
    /// <summary>The roles a worker a case is allocated to holds (at least one of them).</summary>
    public static readonly IReadOnlyList<Role> WorkerRoles = [Role.Caseworker, Role.Manager];

    public async ValueTask<CaseView> Handle(OpenCaseCommand command, CancellationToken cancellationToken)
    {
        if (command.HouseholdId is { } householdId)
        {
            return await families.OpenAsync(command, householdId, cancellationToken);
        }

        await gate.EnsureReadableAsync(command.PersonId, "case.open", cancellationToken);
        var actor = currentUser.Actor;
        var agency = actor.RequireAgency();
        var scheme = command.Scheme!.Value;
        if (!await db.TakesPartAsync(agency, scheme, cancellationToken))
        {
            throw new ForbiddenAccessException($"{agency} does not take part in {scheme}, so it cannot open {scheme} cases.");
        }

        // Any agency's open case counts, readable or not: the person is in the scheme already. The answer says only
        // that, not who holds the case.
        if (await db.Cases.AnyAsync(c => c.PersonId == command.PersonId && c.Scheme == scheme && c.Status != CaseStatus.Exited, cancellationToken))
        {
            throw new DomainRuleException("case.already-open", $"This person is already in {scheme}. Exit that case before selecting them again.");
        }

        // A treatment client's care coordinator is the case's allocated worker (ADR 0020).
        var worker = command.AllocatedTo ?? command.CareCoordinator ?? actor.RequireUserId();
        await EnsureWorkerAsync(users, worker, agency, cancellationToken);
        var startDate = command.StartDate!.Value;
        var opened = scheme == Scheme.Iom
            ? Case.OpenIom(command.PersonId, agency, startDate, worker, IomDetailsInput.ToDetails(command, iom.Value),
                IomDetailsInput.ToCustody(command),
                clock.Now, clock.Today)
            : Case.Open(command.PersonId, scheme, agency, startDate, worker, clock.Now, clock.Today);
        db.Cases.Add(opened);
        treatment.OpenFor(opened, command);
        reviews.ScheduleFirst(opened, clock.Now);
        audit.Record("case.open", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", opened.Id.ToString(), opened.PersonId?.Value, agency), $"{scheme} from {startDate:yyyy-MM-dd}");
        return await names.ViewAsync(opened, explanation: null, cancellationToken);
    }

    /// <summary>Cases are allocated to an active caseworker or manager of the owning agency.</summary>
    public static async Task EnsureWorkerAsync(IUserDirectory users, Guid worker, AgencyCode agency, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(worker, cancellationToken);
        if (account is null || account.IsDisabled || account.AgencyCode != agency.Value
            || !account.Roles.Any(WorkerRoles.Contains))
        {
            throw new ValidationException([new ValidationFailure(nameof(OpenCaseCommand.AllocatedTo), $"Allocate the case to an active caseworker or manager of {agency}")]);
        }
    }
}
