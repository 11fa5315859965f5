"""Word (DOCX) in and out: a draft written in Word read into an utlåtande's sections by their
headings (``inlasning``), and the utlåtande, the beslut and KS's sammanställning written as
DOCX for those who go on in Word (``export``)."""
