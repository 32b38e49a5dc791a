using System.Text;
using MimeKit;

namespace LexIntel.Tests.Infrastructure;

/// <summary>A clerk's e-mail carrying an opinion, hearing notes and a signature logo.</summary>
public static class SampleEmail
{
    public const string Body = "Counsel, the opinion is attached; see also Roe v. Wade, 410 U.S. 113 (1973).";

    public static byte[] Build()
    {
        var body = new BodyBuilder { TextBody = Body };
        body.Attachments.Add("missouri.pdf", File.ReadAllBytes(TestData.CourtDocument("missouri.pdf")));
        body.Attachments.Add("notes.txt", Encoding.UTF8.GetBytes("Hearing notes: the court cited 42 U.S.C. § 1983."));
        body.Attachments.Add("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        var message = new MimeMessage { Subject = "Opinion in Missouri", Body = body.ToMessageBody() };
        message.From.Add(new MailboxAddress("Clerk", "clerk@example.com"));
        message.To.Add(new MailboxAddress("Counsel", "counsel@example.com"));
        using var eml = new MemoryStream();
        message.WriteTo(eml);
        return eml.ToArray();
    }
}
