using System.Globalization;
using CaseManager.Application.Auditing.VerifyAuditChain;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.Audit;

public sealed class VerifyAuditModel(ISender sender) : PageModel
{
    /// <summary>"All 1,234 entries verified", once the check has run and found nothing wrong.</summary>
    public string? Verified { get; private set; }

    public string ButtonText => Verified is null ? "Verify the audit trail" : "Verify again";

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var report = await sender.Send(new VerifyAuditChainQuery(), cancellationToken);
        if (report.Valid)
        {
            Verified = report.Entries == 1 ? "1 entry verified" : $"All {report.Entries.ToString("N0", CultureInfo.InvariantCulture)} entries verified";
        }
        else
        {
            ModelState.AddModelError(string.Empty, $"Entry #{report.FirstInvalidEntry} has been altered or removed");
        }
    }
}
