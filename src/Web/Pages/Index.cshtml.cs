using CaseManager.Application.Common.Security;
using CaseManager.Application.Users.GetCurrentUser;
using CaseManager.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages;

public sealed class IndexModel(ISender sender, ICurrentUser currentUser) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public bool CanReadCases { get; private set; }

    public bool CanWriteCases { get; private set; }

    public bool IsAdministrator { get; private set; }

    public bool IsInformationGovernance { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = await sender.Send(new GetCurrentUserQuery(), cancellationToken);
        DisplayName = me.DisplayName;
        AgencyName = me.Agency.Name;
        var actor = currentUser.Actor;
        CanReadCases = Policies.Allows(Policies.ReadCaseData, actor);
        CanWriteCases = Policies.Allows(Policies.WriteCaseData, actor);
        IsAdministrator = actor.IsInRole(Role.Administrator);
        IsInformationGovernance = Policies.Allows(Policies.InformationGovernance, actor);
    }
}
