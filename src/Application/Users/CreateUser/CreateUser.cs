using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Email;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Validation;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Users.CreateUser;

/// <summary>
/// An administrator creates an account in one agency. Without an initial password the user is emailed a
/// link to set their own (there is no self-registration).
/// </summary>
[RequiresPolicy(Policies.Administer)]
public sealed record CreateUserCommand(string Email, string DisplayName, string AgencyCode, IReadOnlyList<Role> Roles, string? InitialPassword)
    : ICommand<UserAccount>;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter an email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org")
            .MaximumLength(256);
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the user's name").MaximumLength(100);
        RuleFor(c => c.AgencyCode).NotEmpty().WithMessage("Select an agency")
            .Must(code => Domain.Agencies.AgencyCode.TryParse(code, out _)).WithMessage("Select an agency");
        RuleFor(c => c.Email).PlainText();
        RuleFor(c => c.DisplayName).PlainText();
        RuleFor(c => c.AgencyCode).PlainText();
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Select at least one role");
        RuleForEach(c => c.Roles).IsInEnum().WithMessage("Select a role from the list");
    }
}

public sealed class CreateUserHandler(
    IUserDirectory users,
    IAppDbContext db,
    IAuditTrail audit,
    IEmailSender email,
    IServiceLinks links) : ICommandHandler<CreateUserCommand, UserAccount>
{
    public async ValueTask<UserAccount> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var agency = AgencyCode.Parse(command.AgencyCode);
        if (!await db.Agencies.AnyAsync(a => a.Code == agency, cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.AgencyCode), "Select an agency from the list")]);
        }

        var account = await users.CreateAsync(
            new NewUserAccount(command.Email.Trim(), command.DisplayName.Trim(), agency, command.Roles.Distinct().ToList(), command.InitialPassword),
            cancellationToken);
        audit.Record("user.create", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("User", account.Id.ToString()),
            $"Roles {string.Join(", ", account.Roles)} in {agency}");

        if (string.IsNullOrEmpty(command.InitialPassword))
        {
            var token = await users.CreatePasswordSetupTokenAsync(account.Id, cancellationToken);
            await email.SendAsync(
                new EmailMessage(
                    account.Email,
                    "Your CaseManager account",
                    $"""
                    Hello {account.DisplayName},

                    An account has been created for you on CaseManager ({agency}).
                    Set your password within 3 days using this link:

                    {links.SetPassword(account.Id, token)}

                    If you were not expecting this email, tell your information governance lead.
                    """),
                cancellationToken);
        }

        return account;
    }
}
