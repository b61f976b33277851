
test networkservice testsU
SHEZYTXShenyang Taoxian"Shenyang*CN1ã˝e˜‰—D@9ª∏çﬁ^@BAsia/ShanghaiH¥P®X®J
YVRCYVR	Vancouver"	Vancouver*CA1‚X∑—òH@9yX®5ÕÀ^¿BAmerica/VancouverO
SEAKSEASeattle-Tacoma"Seattle*US1aTR'†πG@9O@a√ì^¿BAmerica/Los_AngelesA
MIAKMIAMiami"Miami*US1Î‚6¿À9@9Ó|?5^T¿BAmerica/New_York=
ICNRKSIIncheon"Seoul*KR1Bœf’Á∫B@99÷≈m4ú_@B
Asia/Seoul"a

SHE-YVR-W8SHEYVR"W8(2	B767-300F8Ï”@J	19:30Pî`¿ç∑hr
2024-11-17ztestÇ
e-commerce">
YVR-SEA-TRUCKYVRSEA"TRUCK(2truck8†ú@P`‡ßhztest"E

SHE-MIA-CASHEMIA"CA(2B777F8òÊ@PÑ`ÄíÙhr
2025-04-26ztest"9

SHE-ICN-KESHEICN"KE(2A330-3008êN@Pn`¿Ñ=hztest"5

SHE-ICN-OZSHEICN"OZ(2A3218∏@Pn`¿Ñ=hztest"9

ICN-SHE-KEICNSHE"KE(2A330-3008êN@Px`¿Ñ=hztest