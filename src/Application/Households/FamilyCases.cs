using CaseManager.Application.Agencies;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Reviews;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Households;

/// <summary>
/// Family cases (DOMAIN.md FAM1, FAM3): a household enrolled in FIT, High Impact Household or Troubled Families by an
/// agency that takes part in the scheme, with one lead professional. While the case is open every member counts as
/// enrolled in its scheme on the days of their membership (IS7b); the sharing-rights upkeep derives that on the save.
/// Its reviews are scheduled as any case's are, and their reminders go to the lead professional.
/// </summary>
public sealed class FamilyCases(
    IAppDbContext db,
    HouseholdReads households,
    ICurrentUser currentUser,
    IUserDirectory users,
    IAuditTrail audit,
    PartnershipClock clock,
    CaseNames names,
    ReviewPlanner reviews)
{
    public async Task<CaseView> OpenAsync(OpenCaseCommand command, HouseholdId householdId, CancellationToken cancellationToken)
    {
        var household = await households.GetForUpdateAsync(householdId, "case.open", cancellationToken);
        var actor = currentUser.Actor;
        var agency = actor.RequireAgency();
        var scheme = command.Scheme!.Value;
        if (!await db.TakesPartAsync(agency, scheme, cancellationToken))
        {
            throw new ForbiddenAccessException($"{agency} does not take part in {scheme}, so it cannot open {scheme} cases.");
        }

        // Any agency's open case counts: the family is in the scheme already (FAM3 allows several schemes, not two
        // cases in one).
        if (await db.Cases.AnyAsync(c => c.HouseholdId == householdId && c.Scheme == scheme && c.Status != CaseStatus.Exited, cancellationToken))
        {
            throw new DomainRuleException("case.already-open", $"This household is already in {scheme}. Exit that case before enrolling it again.");
        }

        var worker = command.AllocatedTo ?? actor.RequireUserId();
        await OpenCaseHandler.EnsureWorkerAsync(users, worker, agency, cancellationToken);
        if (command.LeadProfessional is { } lead)
        {
            await EnsureLeadProfessionalAsync(users, lead, nameof(OpenCaseCommand.LeadProfessional), cancellationToken);
        }

        var startDate = command.StartDate!.Value;
        var opened = Case.OpenForHousehold(household.Id, scheme, agency, startDate, worker, command.LeadProfessional, clock.Now, clock.Today);
        db.Cases.Add(opened);

        // Reviewed by the one review engine on the scheme's interval (FIT and HIH 42 days, TF 84 by default).
        reviews.ScheduleFirst(opened, clock.Now);
        audit.Record("case.open", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", opened.Id.ToString(), OwnerAgency: agency), $"{scheme} for household {household.Id} from {startDate:yyyy-MM-dd}");
        return await names.ViewAsync(opened, explanation: null, cancellationToken);
    }

    /// <summary>A lead professional is an active caseworker or manager of any agency of the partnership (FAM1).</summary>
    public static async Task EnsureLeadProfessionalAsync(IUserDirectory users, Guid userId, string field, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(userId, cancellationToken);
        if (account is null || account.IsDisabled || !account.Roles.Any(OpenCaseHandler.WorkerRoles.Contains))
        {
            throw new ValidationException([new ValidationFailure(field, "The lead professional must be an active caseworker or manager")]);
        }
    }
}
