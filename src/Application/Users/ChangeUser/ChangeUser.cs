using CaseManager.Application.Common;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Common;
using CaseManager.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Users.ChangeUser;

/// <summary>
/// An administrator changes a user's agency and roles. The account's security stamp changes with them, so every
/// session and token issued before stops working at once and the user signs in again under the new agency and roles
/// (a moved worker reads nothing of the old agency's records from then on).
/// </summary>
[RequiresPolicy(Policies.Administer)]
public sealed record ChangeUserCommand(Guid UserId, string AgencyCode, IReadOnlyList<Role> Roles) : ICommand<UserAccount>;

public sealed class ChangeUserValidator : AbstractValidator<ChangeUserCommand>
{
    public ChangeUserValidator()
    {
        RuleFor(c => c.AgencyCode).NotEmpty().WithMessage("Select an agency")
            .Must(code => Domain.Agencies.AgencyCode.TryParse(code, out _)).WithMessage("Select an agency");
        RuleFor(c => c.AgencyCode).PlainText();
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Select at least one role");
        RuleForEach(c => c.Roles).IsInEnum().WithMessage("Select a role from the list");
    }
}

public sealed class ChangeUserHandler(IUserDirectory users, IAppDbContext db, ICurrentUser currentUser, IAuditTrail audit)
    : ICommandHandler<ChangeUserCommand, UserAccount>
{
    public async ValueTask<UserAccount> Handle(ChangeUserCommand command, CancellationToken cancellationToken)
    {
        var account = await users.FindAsync(command.UserId, cancellationToken) ?? throw NotFoundException.For("User", command.UserId);
        if (account.IsDisabled)
        {
            throw new DomainRuleException("user.disabled", "This account is disabled: it cannot be changed");
        }

        var roles = command.Roles.Distinct().Order().ToList();
        if (account.Id == currentUser.Actor.UserId && account.Roles.Contains(Role.Administrator) && !roles.Contains(Role.Administrator))
        {
            // Another administrator must do it, so the partnership is never left without one by mistake.
            throw new DomainRuleException("user.cannot-remove-own-administrator", "You cannot take the Administrator role from your own account");
        }

        var agency = Domain.Agencies.AgencyCode.Parse(command.AgencyCode);
        if (!await db.Agencies.AnyAsync(a => a.Code == agency, cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.AgencyCode), "Select an agency from the list")]);
        }

        var changed = await users.ChangeAsync(account.Id, agency, roles, cancellationToken);
        audit.Record("user.change", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("User", account.Id.ToString()),
            $"From roles {string.Join(", ", account.Roles)} in {account.AgencyCode} to roles {string.Join(", ", changed.Roles)} in {changed.AgencyCode}");
        return changed;
    }
}
