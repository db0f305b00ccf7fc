#!/usr/bin/env python3
# Reads the workbook test_xlsx writes and checks what a person opening or printing
# it relies on: codes stored as strings, numbers as numbers, frozen and filtered
# header, widths, A4 landscape fitted to width, repeated header, page footer.
# Usage: check_xlsx.py FILE.xlsx; exit 0 when everything holds, 1 with reasons.
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def cell_text(c, shared):
    """The cell's value and whether Excel treats it as a string."""
    t = c.get('t')
    if t == 'inlineStr':
        return ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m'])), True
    v = c.find('m:v', NS)
    if t == 's':
        return shared[int(v.text)], True
    if t == 'str':
        return v.text, True
    return (v.text if v is not None else None), False


def main(path):
    with open(path, 'rb') as f:
        check(f.read(4) == b'PK\x03\x04', 'not a zip file')
    z = zipfile.ZipFile(path)
    names = z.namelist()
    check('xl/worksheets/sheet1.xml' in names, 'no xl/worksheets/sheet1.xml')
    shared = []
    if 'xl/sharedStrings.xml' in names:
        sst = ET.fromstring(z.read('xl/sharedStrings.xml'))
        shared = [''.join(t.text or '' for t in si.iter('{%s}t' % NS['m']))
                  for si in sst.findall('m:si', NS)]
    sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    cells = {c.get('r'): cell_text(c, shared) for c in sheet.iter('{%s}c' % NS['m'])}

    want = {
        'A1': ('企业名单 导出于 2026-12-01 09:30', True),
        'A2': ('企业名称', True), 'B2': ('统一社会信用代码', True),
        'C2': ('联系电话', True), 'D2': ('注册资本（万元）', True),
        'A3': ('华勤技术股份有限公司', True), 'B3': ('914403001922038216', True),
        'C3': ('07918888888', True), 'D3': ('1200.5', False),
        'A4': ('某某"新能源"有限公司', True), 'B4': ('91440300708461136T', True),
        'C4': ('+8613800138000', True), 'D4': ('待定', True),
        'A5': ('=1+1', True), 'B5': ('012345678901234567', True), 'D5': ('-3', False),
        'A6': ('坏\ufffd字节\ufffd', True),
    }
    for ref, (value, is_string) in want.items():
        got = cells.get(ref)
        check(got is not None, '%s missing' % ref)
        if got is not None:
            check(got[0] == value, '%s is %r, want %r' % (ref, got[0], value))
            check(got[1] == is_string, '%s stored as %s' %
                  (ref, 'string' if got[1] else 'number'))
    check('C5' not in cells, 'an empty cell was written')
    check(sheet.find('.//m:f', NS) is None, 'a formula was written')

    pane = sheet.find('m:sheetViews/m:sheetView/m:pane', NS)
    check(pane is not None and pane.get('ySplit') == '2' and pane.get('state') == 'frozen',
          'title and header not frozen')
    af = sheet.find('m:autoFilter', NS)
    check(af is not None and af.get('ref') == 'A2:D6', 'autofilter %s, want A2:D6' %
          (af.get('ref') if af is not None else None))
    merge = sheet.find('m:mergeCells/m:mergeCell', NS)
    check(merge is not None and merge.get('ref') == 'A1:D1', 'title not merged across A1:D1')

    widths = {int(c.get('min')): float(c.get('width')) for c in sheet.iter('{%s}col' % NS['m'])}
    # display width + 2, at least 6: 20 columns for the company name, 18 for the code,
    # 16 for the Chinese header of column C ("联系电话" is 8, "+8613800138000" 14)
    for col, w in ((1, 22), (2, 20), (3, 16), (4, 18)):
        got = widths.get(col)
        # Excel stores the width with the font's padding added (22 -> 22.7109375)
        check(got is not None and w <= got < w + 1, 'column %d width %s, want %d' % (col, got, w))

    setup = sheet.find('m:pageSetup', NS)
    check(setup is not None and setup.get('paperSize') == '9', 'paper is not A4')
    check(setup is not None and setup.get('orientation') == 'landscape', 'not landscape')
    check(setup is not None and setup.get('fitToHeight') == '0', 'not fitted to width only')
    fit = sheet.find('m:sheetPr/m:pageSetUpPr', NS)
    check(fit is not None and fit.get('fitToPage') == '1', 'fit to page off')
    footer = sheet.find('m:headerFooter/m:oddFooter', NS)
    check(footer is not None and footer.text == '&C第 &P 页 共 &N 页',
          'footer %r' % (footer.text if footer is not None else None))

    wb = ET.fromstring(z.read('xl/workbook.xml'))
    titles = [d.text for d in wb.iter('{%s}definedName' % NS['m'])
              if d.get('name') == '_xlnm.Print_Titles']
    check(titles == ['Sheet1!$2:$2'], 'print titles %r, want the header row' % titles)

    for f in failures:
        print('check_xlsx: %s: %s' % (path, f))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
