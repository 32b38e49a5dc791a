using System.Text;

namespace LexIntel.Tests.Infrastructure;

/// <summary>
/// RTF as word processors write it: a font table, a colour table, a style sheet and document
/// information before the body, characters outside ASCII as code-page escapes (<c>\'a7</c>) or as
/// Unicode with a code-page fallback (<c>\u8220\'93</c>), and a table of two rows.
/// </summary>
public static class SampleRtf
{
    private const string Header =
        @"{\rtf1\ansi\ansicpg1252\deff0\deflang1033{\fonttbl{\f0\froman\fprq2\fcharset0 Times New Roman;}{\f1\fswiss\fcharset0 Arial;}}" + "\r\n" +
        @"{\colortbl ;\red0\green0\blue255;}" + "\r\n" +
        @"{\stylesheet{\s0\f0\fs24 Normal;}}" + "\r\n" +
        @"{\info{\author Clerk}{\creatim\yr2024\mo3\dy1}}" + "\r\n" +
        @"{\*\generator Msftedit 5.41.21.2510;}\viewkind4\uc1\pard\f0\fs24 ";

    /// <summary>A claim under "42 U.S.C. § 1983" by "Hans Müller", in “curly quotes”.</summary>
    public static byte[] Claim() => Rtf(
        @"{\b COMPLAINT}\par " + "\r\n" +
        @"Plaintiff Hans M\'fcller brings this action under 42 U.S.C. \'a7 1983 against the City of Springfield.\par " + "\r\n" +
        @"The City\rquote s officers acted under color of state law and deprived him of \u8220\'93due process\u8221\'94.\par " + "\r\n");

    /// <summary>An exhibit list as a table: exhibit letters in the first column, descriptions in the second.</summary>
    public static byte[] ExhibitTable() => Rtf(
        @"Exhibits to the motion:\par " + "\r\n" +
        @"\trowd\cellx1500\cellx6000 \intbl Exhibit\cell Description\cell\row " + "\r\n" +
        @"\trowd\cellx1500\cellx6000 \intbl A\cell Lease agreement of 2019\cell\row " + "\r\n" +
        @"\trowd\cellx1500\cellx6000 \intbl B\cell Notice of default\cell\row " + "\r\n" +
        @"\pard After the table.\par " + "\r\n");

    /// <summary>RTF with a body of formatting only, as an empty document is saved.</summary>
    public static byte[] Empty() => Rtf(@"\par\par ");

    private static byte[] Rtf(string body) => Encoding.ASCII.GetBytes(Header + "\r\n" + body + "}\r\n");
}
