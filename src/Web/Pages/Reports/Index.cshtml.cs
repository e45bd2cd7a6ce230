using CaseManager.Application.Common.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Reports;

/// <summary>The reports the signed-in user may open.</summary>
public sealed class ReportsIndexModel(ICurrentUser currentUser) : PageModel
{
    public bool CanReadPartnershipReport => Policies.Allows(Policies.PartnershipReport, currentUser.Actor);
}
