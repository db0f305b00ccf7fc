#!/usr/bin/env python3
# Small xlsx workbooks for the tests of the xlsx reader (tests/unit/test_xlsx_read.c),
# the enterprise import (tests/cli/test_import_cli.sh), the work-order import
# (tests/cli/test_order_import_cli.sh) and seeds for the fuzzer
# (scripts/fuzz), written part by part with zipfile so that every byte is the
# test's: as Excel writes them (shared strings with rich text and phonetic runs,
# styles with date formats), as WPS writes them (prefixed namespaces, absolute
# targets, rows and cells without references), and damaged in every way the reader
# must name. Usage: make_xlsx.py DIR [GROUP...] (groups: excel wps lost damaged
# register hotline signals signin fuzz-parts; all but fuzz-parts when none is named)
import os
import sys
import zipfile

MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '</Types>')


def rels(items):
    """items: (id, type suffix, target)"""
    return HEAD + '<Relationships xmlns="%s">%s</Relationships>' % (PKG, ''.join(
        '<Relationship Id="%s" Type="%s/%s" Target="%s"/>' % (i, REL, t, target)
        for i, t, target in items))


def workbook(sheets, pr=''):
    """sheets: (name, rid)"""
    return HEAD + ('<workbook xmlns="%s" xmlns:r="%s">%s<sheets>%s</sheets></workbook>' % (
        MAIN, REL, pr, ''.join('<sheet name="%s" sheetId="%d" r:id="%s"/>' % (n, k + 1, rid)
                               for k, (n, rid) in enumerate(sheets))))


def sst(items):
    """items: plain strings, or ready <si> inner XML when they start with '<'"""
    body = ''.join('<si>%s</si>' % (s if s.startswith('<') else '<t>%s</t>' % s) for s in items)
    return HEAD + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (
        MAIN, len(items), len(items), body)


def styles(numfmts, xfs):
    """numfmts: (id, code); xfs: the numFmtId of each cell style"""
    fmts = ''.join('<numFmt numFmtId="%d" formatCode="%s"/>' % (i, c.replace('"', '&quot;'))
                   for i, c in numfmts)
    return HEAD + ('<styleSheet xmlns="%s"><numFmts count="%d">%s</numFmts>'
                   '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
                   '<cellXfs count="%d">%s</cellXfs></styleSheet>' % (
                       MAIN, len(numfmts), fmts, len(xfs),
                       ''.join('<xf numFmtId="%d" applyNumberFormat="1"/>' % x for x in xfs)))


def sheet(rows, prefix=''):
    return HEAD + '<%sworksheet xmlns%s="%s"><%ssheetData>%s</%ssheetData></%sworksheet>' % (
        prefix, ':' + prefix[:-1] if prefix else '', MAIN, prefix, rows, prefix, prefix)


def book(path, parts, stored=False):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def standard(sheets, strings=None, style=None, root_target='xl/workbook.xml', pr=''):
    """an Excel-like package: sheets is [(name, sheet xml)]"""
    parts = {'[Content_Types].xml': CONTENT_TYPES,
             '_rels/.rels': rels([('rId1', 'officeDocument', root_target)])}
    items = []
    for k, (name, xml) in enumerate(sheets):
        parts['xl/worksheets/sheet%d.xml' % (k + 1)] = xml
        items.append(('rId%d' % (k + 1), 'worksheet', 'worksheets/sheet%d.xml' % (k + 1)))
    if strings is not None:
        parts['xl/sharedStrings.xml'] = sst(strings)
        items.append(('rId90', 'sharedStrings', 'sharedStrings.xml'))
    if style is not None:
        parts['xl/styles.xml'] = style
        items.append(('rId91', 'styles', 'styles.xml'))
    parts['xl/workbook.xml'] = workbook([(n, 'rId%d' % (k + 1)) for k, (n, _) in enumerate(sheets)], pr)
    parts['xl/_rels/workbook.xml.rels'] = rels(items)
    return parts


def excel(d):
    """what Excel writes: shared strings (one in rich text with a phonetic run), dates
    by built-in and custom formats, numbers as Excel stores them, gaps in rows and
    columns, formula results, booleans and errors, a second sheet"""
    strings = ['企业名称', '统一社会信用代码', '联系电话', '成立日期', '备注',
               '<r><t>华勤</t></r><r><rPr><b/></rPr><t xml:space="preserve">技术股份有限公司</t></r>'
               '<rPh sb="0" eb="2"><t>huaqin</t></rPh>',
               '914403001922038216', '91110000600037341L', '13800000000', '只有两格', '远列',
               '第二页内容']
    style = styles([(176, 'yyyy"年"m"月"d"日" hh:mm'), (177, '000000')],
                   [0, 14, 176, 177, 31, 20, 49])
    rows = (
        '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c>'
        '<c r="C2"><v>1.38E10</v></c><c r="D2" s="1"><v>46023</v></c>'
        '<c r="E2" t="inlineStr"><is><t>第一行_x000D_第二行</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><r><t>航空</t></r><r><t>配件</t></r>'
        '<rPh><t>hangkong</t></rPh></is></c><c r="B3" t="s"><v>7</v></c>'
        '<c r="C3" t="s"><v>8</v></c><c r="D3" s="2"><v>46054.5</v></c><c r="E3" s="1"/></row>'
        '<row r="5"><c r="A5" t="s"><v>9</v></c><c r="D5" s="4"><v>45658</v></c></row>'
        '<row r="6" spans="1:5" ht="20" customHeight="1"/>'
        '<row r="7"><c r="A7" t="str"><f>A2&amp;"!"</f><v>公式结果</v></c>'
        '<c r="B7" t="b"><v>1</v></c><c r="C7" t="e"><v>#N/A</v></c>'
        '<c r="D7" s="3"><v>1234</v></c><c r="E7"><v>0.30000000000000004</v></c>'
        '<c r="AA7" t="s"><v>10</v></c></row>'
        '<row r="8"><c r="A8"><v>-12.5</v></c><c r="B8" s="5"><v>0.75</v></c>'
        '<c r="C8" s="6"><v>3.0</v></c><c r="D8" s="99"><v>46023</v></c></row>')
    second = '<row r="1"><c r="A1" t="s"><v>11</v></c></row>'
    book(os.path.join(d, 'excel.xlsx'),
         standard([('企业名录', sheet(rows)), ('第二页', sheet(second))], strings, style))


def wps(d):
    """what WPS and some libraries write: the main namespace under a prefix, absolute
    targets, rows and cells without references, rich inline strings, WPS's own
    parts and namespaces, a Chinese built-in date format, the 1904 date system"""
    x = 'x:'
    rows = (
        '<x:row><x:c t="inlineStr"><x:is><x:t>企业名称</x:t></x:is></x:c>'
        '<x:c t="inlineStr"><x:is><x:t>统一社会信用代码</x:t></x:is></x:c>'
        '<x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>南昌</x:t></x:r>'
        '<x:r><x:t>甜心</x:t></x:r></x:is></x:c><x:c t="s"><x:v>2</x:v></x:c>'
        '<x:c s="1"><x:v>44561</x:v></x:c><x:c><x:v>13907910001</x:v></x:c></x:row>')
    parts = {
        '[Content_Types].xml': CONTENT_TYPES,
        '_rels/.rels': rels([('rId1', 'officeDocument', '/xl/workbook.xml'),
                             ('rId2', 'custom-properties', '/docProps/custom.xml')]),
        'docProps/custom.xml': HEAD + '<Properties><property name="KSOProductBuildVer">'
                               '<vt:lpwstr xmlns:vt="v">2052-11.1.0.14309</vt:lpwstr>'
                               '</property></Properties>',
        'xl/workbook.xml': HEAD + (
            '<x:workbook xmlns:x="%s" xmlns:r="%s" xmlns:etc="http://www.wps.cn/officeDocument/'
            '2017/etCustomData"><x:workbookPr date1904="true"/><x:sheets>'
            '<x:sheet name="Sheet1" sheetId="1" r:id="rId3"/></x:sheets></x:workbook>' % (MAIN, REL)),
        'xl/_rels/workbook.xml.rels': rels([('rId3', 'worksheet', '/xl/worksheets/sheet1.xml'),
                                            ('rId4', 'sharedStrings', '/xl/sharedStrings.xml'),
                                            ('rId5', 'styles', '/xl/styles.xml')]),
        'xl/sharedStrings.xml': sst(['所属区域', '企业类别', '913601170530002153']).replace(
            '<sst xmlns=', '<sst xmlns:etc="e" xmlns=', 1),
        'xl/styles.xml': styles([], [0, 57]),
        'xl/worksheets/sheet1.xml': sheet(rows, x),
    }
    book(os.path.join(d, 'wps.xlsx'), parts)


def lost(d):
    """codes and phones stored as numbers: those past 2^53 have lost digits"""
    rows = ('<row r="1"><c r="A1"><v>9.14403001922038E+17</v></c>'
            '<c r="B1"><v>91440300708461136</v></c><c r="C1"><v>9007199254740992</v></c>'
            '<c r="D1"><v>9007199254740993</v></c><c r="E1"><v>1.38E10</v></c>'
            '<c r="F1"><v>-9.2E+18</v></c></row>')
    book(os.path.join(d, 'lost.xlsx'), standard([('Sheet1', sheet(rows))]))


def damaged(d):
    """every way a file can be no workbook, or a broken one"""
    def one(name, rows, **kw):
        book(os.path.join(d, name), standard([('Sheet1', sheet(rows))], **kw))

    open(os.path.join(d, 'notzip.xlsx'), 'w', encoding='utf-8').write('企业名称,统一社会信用代码\n')
    open(os.path.join(d, 'ole.xlsx'), 'wb').write(
        b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 504)
    open(os.path.join(d, 'empty.xlsx'), 'wb').close()
    good = os.path.join(d, 'excel.xlsx')
    if not os.path.exists(good):
        excel(d)
    data = open(good, 'rb').read()
    open(os.path.join(d, 'truncated.xlsx'), 'wb').write(data[:len(data) // 2])
    one('malformed.xlsx', '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2">')
    one('nosst.xlsx', '<row r="1"><c r="A1" t="s"><v>3</v></c></row>', strings=['a', 'b'])
    one('badnum.xlsx', '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>12abc</v></c></row>')
    one('order.xlsx', '<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>')
    one('colorder.xlsx', '<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>2</v></c></row>')
    one('badref.xlsx', '<row r="1"><c r="1A"><v>1</v></c></row>')
    one('toomany.xlsx', '<row r="1048577"><c r="A1048577"><v>1</v></c></row>')
    one('widerow.xlsx', '<row r="1"><c r="XFE1"><v>1</v></c></row>')
    one('longcell.xlsx', '<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row>'
        % ('长' * 400000))
    # an entity bomb: refused at its DTD, never expanded
    dtd = HEAD + ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
                  '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;'
                  '</t></is></c></row></sheetData></worksheet>' % MAIN)
    book(os.path.join(d, 'dtd.xlsx'), standard([('Sheet1', dtd)]))
    book(os.path.join(d, 'nosheets.xlsx'), standard([]))
    parts = standard([('Sheet1', sheet(''))])
    del parts['xl/workbook.xml']
    book(os.path.join(d, 'noworkbook.xlsx'), parts)
    parts = standard([('Sheet1', sheet(''))])
    del parts['xl/worksheets/sheet1.xml']
    book(os.path.join(d, 'nopart.xlsx'), parts)
    parts = standard([('图表', sheet(''))])
    parts['xl/_rels/workbook.xml.rels'] = rels([('rId1', 'chartsheet', 'chartsheets/sheet1.xml')])
    parts['xl/chartsheets/sheet1.xml'] = HEAD + '<chartsheet xmlns="%s"/>' % MAIN
    book(os.path.join(d, 'chart.xlsx'), parts)
    # a stored sheet whose bytes no longer match their CRC
    stored = os.path.join(d, 'crc.xlsx')
    book(stored, standard([('Sheet1', sheet('<row r="1"><c r="A1"><v>12345</v></c></row>'))]),
         stored=True)
    raw = bytearray(open(stored, 'rb').read())
    at = raw.find(b'<v>12345</v>')
    raw[at + 3] = ord('9')
    open(stored, 'wb').write(bytes(raw))
    # a sheet past the reader's limit unpacked (200 MB), a few hundred kilobytes packed
    with zipfile.ZipFile(os.path.join(d, 'huge.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in standard([('Sheet1', '')]).items():
            if name != 'xl/worksheets/sheet1.xml':
                z.writestr(name, data)
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
            f.write((HEAD + '<worksheet xmlns="%s"><sheetData>' % MAIN).encode())
            blank = b' ' * (1 << 20)
            for _ in range(201):
                f.write(blank)
            f.write(b'</sheetData></worksheet>')


def shared_cell(strings, col, row, v, style):
    """cell col row holding v: a string through the shared strings, a number (a
    tuple: its stored text) with style, nothing for ''"""
    ref = '%s%d' % (col, row)
    if v == '':
        return ''
    if isinstance(v, str):
        if v not in strings:
            strings.append(v)
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, strings.index(v))
    text = v[1] if isinstance(v, tuple) else repr(v)
    return '<c r="%s"%s><v>%s</v></c>' % (ref, style, text)


def register(d):
    """enterprise registers as offices send them, for the import test: a title row,
    the template's headers, codes as text, a phone stored as a number, a code whose
    digits the spreadsheet lost, a commissioner this database lacks"""
    head = ['企业名称', '统一社会信用代码', '所属区域', '企业类别', '联系电话', '服务专员', '成立日期']
    good = [['华勤技术股份有限公司', '914403001922038216', '昌东镇', '规上工业', ('n', '1.38E10'), 'kj1', 46023],
            ['航空配件公司', '91110000600037341L', '艾溪湖管理处', '规限下', '0791-88000000', 'nobody', ''],
            ['甜心烘焙有限公司', '91360117914177769G', '麻丘镇', '规限下', 13907910001, '', '']]
    bad = good[:1] + [['数字代码公司', ('n', '9.14403007084611E+17'), '昌东镇', '规上工业', '', '', ''],
                      ['类别写错公司', '91440300708461136T', '昌东镇', '工业', '', '', '']]
    strings = []

    def cell(col, row, v):
        return shared_cell(strings, col, row, v, ' s="1"' if col == 'G' else '')

    def rows(data):
        out = '<row r="1">%s</row>' % cell('A', 1, '高新区企业名录（2026年）')
        for k, r in enumerate([head] + data):
            out += '<row r="%d">%s</row>' % (k + 3, ''.join(
                cell(chr(ord('A') + i), k + 3, v) for i, v in enumerate(r)))
        return out

    for name, data in (('register.xlsx', good), ('register-bad.xlsx', bad)):
        strings.clear()
        xml = rows(data)
        book(os.path.join(d, name),
             standard([('企业', sheet(xml)), ('说明', sheet(''))], list(strings),
                      styles([], [0, 14])))
    # the same rows on a second sheet, for --sheet
    strings.clear()
    xml = rows(good)
    book(os.path.join(d, 'register-second.xlsx'),
         standard([('说明', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>见下一页</t></is></c></row>')),
                   ('企业', sheet(xml))], list(strings), styles([], [0, 14])))


def hotline(d):
    """a 12345 work-order export for the appeal import test: a title row, the call's
    time as a date-time cell, a phone stored as a number, codes as text, the
    enterprise's code typed in the name column"""
    head = ['工单编号', '来电时间', '来电人', '联系电话', '诉求内容', '企业名称', '统一社会信用代码',
            '诉求类型', '办理时限']
    data = [['X001', 46091.4375, '张三', 13800000001, '厂区门口路灯不亮', '', '914403001922038216',
             '求助', 46098],
            ['X002', 46091.5, '李四', '', '咨询用工补贴申报', '麻丘商贸有限公司', '', '咨询', ''],
            ['X003', 46092.25, '', '', '反映噪音扰民', '查无此公司', '', '投诉', '']]
    strings = []

    def cell(col, row, v):
        return shared_cell(strings, col, row, v,
                           ' s="1"' if col == 'B' else ' s="2"' if col == 'I' else '')

    out = '<row r="1">%s</row>' % cell('A', 1, '12345热线工单导出')
    for k, r in enumerate([head] + data):
        out += '<row r="%d">%s</row>' % (k + 2, ''.join(
            cell(chr(ord('A') + i), k + 2, v) for i, v in enumerate(r)))
    book(os.path.join(d, 'hotline.xlsx'),
         standard([('工单', sheet(out))], list(strings), styles([], [0, 22, 14])))


def signals(d):
    """a market-supervision list for the warning import test: a title row, the
    signal's day as a date cell, codes as text"""
    head = ['统一社会信用代码', '企业名称', '信号类型', '列入日期', '列入原因']
    data = [['91110000600037341L', '昌东小超市', '经营异常名录', 46078, '通过登记的住所无法联系'],
            ['91440300708461136T', '麻丘商贸有限公司', '迁址', 46081, '']]
    strings = []

    def cell(col, row, v):
        return shared_cell(strings, col, row, v, ' s="2"' if col == 'D' else '')

    out = '<row r="1">%s</row>' % cell('A', 1, '经营异常名录及迁址企业（2026年2月）')
    for k, r in enumerate([head] + data):
        out += '<row r="%d">%s</row>' % (k + 2, ''.join(
            cell(chr(ord('A') + i), k + 2, v) for i, v in enumerate(r)))
    book(os.path.join(d, 'signals.xlsx'),
         standard([('信号', sheet(out))], list(strings), styles([], [0, 22, 14])))


def titled(d, name, sheet_name, title, head, data):
    """a sheet as offices send them: a title row over the header, numbers as numbers,
    codes as text"""
    strings = []

    def cell(col, row, v):
        return shared_cell(strings, col, row, v, '')

    out = '<row r="1">%s</row>' % cell('A', 1, title)
    for k, r in enumerate([head] + data):
        out += '<row r="%d">%s</row>' % (k + 2, ''.join(
            cell(chr(ord('A') + i), k + 2, v) for i, v in enumerate(r)))
    book(os.path.join(d, name),
         standard([(sheet_name, sheet(out))], list(strings), styles([], [0])))


def fin_results(d):
    """the financing platform's matching results for the import-results test"""
    head = ['需求编号', '统一社会信用代码', '企业名称', '金融机构', '金额（元）', '状态', '备注']
    data = [['', '91110000600037341L', '昌东小超市', '九江银行', 1000000, '已放款', '信用贷'],
            [5, '914403001922038216', '华勤技术股份有限公司', '建设银行', '', '未通过', '抵押不足']]
    titled(d, 'fin_results.xlsx', '对接结果', '融资需求对接结果（2026年3月）', head, data)


def signin(d):
    """an outreach event's sign-in sheet for the attendance import test: a seat number
    as a number, a name that is no enterprise"""
    head = ['序号', '企业名称', '统一社会信用代码', '参会人']
    data = [[1, '华勤技术股份有限公司', '', '张三'],
            [2, '', '91110000600037341L', '李四'],
            [3, '查无此公司', '', '王五']]
    titled(d, 'signin.xlsx', '签到', '营商环境座谈会签到表', head, data)


def fuzz_parts(d):
    """seeds for tests/fuzz/fuzz_xlsx.c's parts mode: the XML of each workbook made so
    far, sheet, shared strings, styles and workbook separated by NUL bytes"""
    for name in sorted(os.listdir(d)):
        if not name.endswith('.xlsx') or os.path.getsize(os.path.join(d, name)) > 65536:
            continue
        try:
            z = zipfile.ZipFile(os.path.join(d, name))
            parts = [z.read(p) if p in z.namelist() else b'' for p in
                     ('xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml',
                      'xl/workbook.xml')]
        except (zipfile.BadZipFile, KeyError):
            continue
        open(os.path.join(d, name[:-5] + '.parts'), 'wb').write(b'\0'.join(parts))


GROUPS = {'excel': excel, 'wps': wps, 'lost': lost, 'damaged': damaged, 'register': register,
          'hotline': hotline, 'signals': signals, 'signin': signin,
          'fin-results': fin_results, 'fuzz-parts': fuzz_parts}


def main():
    d = sys.argv[1]
    groups = sys.argv[2:] or [g for g in GROUPS if g != 'fuzz-parts']
    os.makedirs(d, exist_ok=True)
    for g in groups:
        GROUPS[g](d)


if __name__ == '__main__':
    main()
